package dev.weft.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory under {@code java.io.tmpdir} that is deleted with everything in it on {@link #close()}, or when the JVM
 * exits without closing it (an exception, Ctrl-C, {@code System.exit}), so that runs leave nothing behind.
 */
public final class TempDirectory implements AutoCloseable {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(TempDirectory::deleteQuietly),
                "temp-directory-reaper"));
    }

    private final Path path;

    private TempDirectory(Path path) {
        this.path = path;
    }

    /** @param prefix the start of the directory's name, e.g. {@code weft-demo-} */
    public static TempDirectory create(String prefix) {
        try {
            Path path = Files.createTempDirectory(prefix);
            LIVE.add(path);
            return new TempDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        deleteQuietly(path);
        LIVE.remove(path);
    }

    /** Best effort: what a process still running inside writes after this is not worth failing a run for. */
    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException alreadyGone) {
            // nothing left to delete
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
