package dev.weft.runtime.cli;

import dev.weft.runtime.cli.sample.Warehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** A jar of the compiled {@code dev.weft.runtime.cli.sample} classes: an application as a user would hand it over. */
final class SampleJar {
    private SampleJar() {
    }

    static Path write(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(Warehouse.class.getResource("Warehouse.class").toURI()).getParent();
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(classes)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Path classFile : classFiles) {
                out.putNextEntry(new JarEntry("dev/weft/runtime/cli/sample/" + classFile.getFileName()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        }
        return jar;
    }
}
