package com.acme.fenced;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A storage service shared by several JVMs (files in one directory), as the resource a lock protects. Every write
 * carries the writer's fencing token; a write whose token is lower than the highest the store has seen comes from a
 * holder whose lock was taken over meanwhile: a stale write. Fenced, the store rejects it; unfenced, it accepts it,
 * as most stores would. Either way it logs it, so a test can count what an unfenced store would have suffered.
 */
public final class FencedStore {
    private final Path dir;
    private final boolean fenced;

    public FencedStore(Path dir, boolean fenced) {
        this.dir = dir;
        this.fenced = fenced;
    }

    /** @return true when accepted */
    public boolean write(String writer, long token, String value) {
        try (FileChannel guard = FileChannel.open(dir.resolve("guard"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = guard.lock()) {
            Path highestFile = dir.resolve("highest");
            long highest = Files.exists(highestFile) ? Long.parseLong(Files.readString(highestFile).trim()) : -1;
            boolean stale = token < highest;
            boolean accepted = !(fenced && stale);
            if (accepted) {
                Files.writeString(highestFile, Long.toString(Math.max(highest, token)));
                Files.writeString(dir.resolve("value"), value);
            }
            Files.writeString(dir.resolve("log"), writer + " " + token + " " + (stale ? "stale" : "fresh") + " "
                    + (accepted ? "accepted" : "rejected") + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return accepted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every write so far: {@code writer token stale|fresh accepted|rejected}. */
    public static List<String> log(Path dir) {
        try {
            Path log = dir.resolve("log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
