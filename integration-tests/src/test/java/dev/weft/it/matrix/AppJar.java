package dev.weft.it.matrix;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An application jar laid out as a plain Maven build lays one out: its own classes, and a manifest naming its main
 * class and the library jars it needs ({@code Main-Class}, {@code Class-Path}), so that it starts with
 * {@code java -jar app.jar}. Built from the tests' compiled {@code com.acme.*} classes.
 */
final class AppJar {
    private AppJar() {
    }

    /**
     * @param packages  the packages whose classes go into the jar, each as a class of it
     * @param libraries classes whose jars go on the manifest's class path
     */
    static Path build(Path jar, Class<?> mainClass, List<Class<?>> packages, List<Class<?>> libraries) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        if (!libraries.isEmpty()) {
            main.put(Attributes.Name.CLASS_PATH, libraries.stream().map(AppJar::location).distinct()
                    .map(path -> path.toUri().toString()).collect(Collectors.joining(" ")));
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> member : packages) {
                String folder = member.getPackageName().replace('.', '/');
                Path classes = location(member).resolve(folder);
                try (Stream<Path> files = Files.list(classes)) {
                    for (Path classFile : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        out.putNextEntry(new JarEntry(folder + "/" + classFile.getFileName()));
                        Files.copy(classFile, out);
                        out.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** The jar, or the class directory, that a class was loaded from. */
    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }
}
