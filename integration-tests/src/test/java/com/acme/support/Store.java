package com.acme.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** File state shared between test JVMs: a number in a file, and marker files that prove a method body ran. */
public final class Store {
    private Store() {
    }

    public static int readNumber(Path file) {
        try {
            return Integer.parseInt(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file in one rename, so that a racing reader sees the old or the new number, never a torn one. */
    public static void writeNumber(Path file, int value) {
        try {
            Path next = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".next");
            Files.writeString(next, Integer.toString(value));
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void mark(Path dir, String name) {
        try {
            Files.createFile(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
