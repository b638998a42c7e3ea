package dev.weft.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A segment file of Weft's file logs ({@code segment-<n>.log}: frames of {@code int length | int crc | payload},
 * followed by the zeros the file is filled with ahead of them), for tests that damage one the way a crash or a bad
 * disk would. A crash in the middle of a write leaves the zeros where its bytes did not reach the disk.
 */
public final class LogSegmentFile {
    private final Path path;

    public LogSegmentFile(Path path) {
        this.path = path;
    }

    /** The file's bytes up to the end of its last record, without the zeros after it. */
    public byte[] records() {
        byte[] bytes = bytes();
        return Arrays.copyOf(bytes, Frames.of(bytes).end());
    }

    /** Where the last record starts. */
    public int lastRecordStart() {
        return Frames.of(bytes()).lastStart();
    }

    /** Writes {@code bytes} after the last record, as a write cut short by a crash leaves it. */
    public void writeAfterRecords(byte[] bytes) {
        writeAt(Frames.of(bytes()).end(), bytes);
    }

    /**
     * Replaces the last {@code count} bytes of the records with zeros: the end of the last write never reached the
     * disk.
     */
    public void zeroLastBytes(int count) {
        writeAt(Frames.of(bytes()).end() - count, new byte[count]);
    }

    /** Writes {@code bytes} over the file from {@code offset} on. */
    public void writeAt(long offset, byte[] bytes) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                offset += channel.write(buffer, offset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's length, zeros included. */
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the last whole frame starts, and where the frames end. */
    private record Frames(int lastStart, int end) {
        /** A frame's length is never 0, so the first 0 where a length belongs is where the zeros start. */
        static Frames of(byte[] bytes) {
            int at = 0;
            int last = 0;
            while (at + Integer.BYTES <= bytes.length) {
                int length = ByteBuffer.wrap(bytes, at, Integer.BYTES).getInt();
                if (length <= 0 || at + 2 * Integer.BYTES + length > bytes.length) {
                    break;
                }
                last = at;
                at += 2 * Integer.BYTES + length;
            }
            return new Frames(last, at);
        }
    }
}
