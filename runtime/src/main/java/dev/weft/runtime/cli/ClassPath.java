package dev.weft.runtime.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An application class path read as files, never loaded: {@code app.jar:lib/*:build/classes}. A trailing {@code *}
 * means every jar in that folder, as with {@code java -cp}. Its {@link #classFiles() class loader} is only ever asked
 * for resources, the class files, with the JDK's behind them.
 */
final class ClassPath implements AutoCloseable {
    private final List<String> classNames = new ArrayList<>();
    private final List<URL> entries = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final URLClassLoader classFiles;

    ClassPath(String spec) {
        for (String entry : spec.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                addJarsIn(Path.of(entry.substring(0, entry.length() - 1)));
            } else {
                add(Path.of(entry));
            }
        }
        classFiles = new URLClassLoader(entries.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    List<String> classNames() {
        return classNames;
    }

    /** Entries that do not exist: reported, since a typo here would make every selector look unmatched. */
    List<String> missing() {
        return missing;
    }

    ClassLoader classFiles() {
        return classFiles;
    }

    private void addJarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            missing.add(dir + "/*");
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(this::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                entries.add(url(entry));
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> addClassFile(entry.relativize(f).toString().replace(File.separatorChar, '/')));
                }
            } else if (Files.isRegularFile(entry)) {
                entries.add(url(entry));
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(this::addClassFile);
                }
            } else {
                missing.add(entry.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
    }

    private void addClassFile(String path) {
        if (!path.startsWith("META-INF/") && !path.endsWith("module-info.class") && !path.endsWith("package-info.class")) {
            classNames.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static URL url(Path entry) throws MalformedURLException {
        return entry.toUri().toURL();
    }

    @Override
    public void close() throws IOException {
        classFiles.close();
    }
}
