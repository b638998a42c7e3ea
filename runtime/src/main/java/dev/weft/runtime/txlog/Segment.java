package dev.weft.runtime.txlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file of the log, {@code segment-<number>.log}: a snapshot of the transactions live when it was started,
 * a {@link LogRecord.Checkpoint}, then appended records. A segment only gets its name once its snapshot is on disk,
 * so the newest segment alone holds the whole state and older ones can be deleted.
 */
final class Segment implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("segment-(\\d{12})\\.log");
    /**
     * How far ahead of the records the file is filled with zeros. An fsync (fdatasync) that must also record a new file
     * length commits the file system's journal: on ext4, appending 600 bytes and forcing took 561 µs when the file
     * grew and 304 µs when it was filled already. So the length changes once per this many bytes, not at every fsync;
     * {@link Frames#read} takes the zeros after the last record as the end.
     */
    static final int PREALLOCATED_BYTES = 1024 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocate(PREALLOCATED_BYTES).asReadOnlyBuffer();

    /** How segment channels are opened; tests put a failing disk here. */
    interface Opener {
        FileChannel open(Path path, OpenOption... options) throws IOException;
    }

    private final long number;
    private final Path path;
    private final FileChannel channel;
    /** Bytes of the snapshot and checkpoint, which say nothing new about the log's growth. */
    private final long snapshotBytes;
    /** Bytes of records: where the next one goes. */
    private long size;
    /** The file's length: records, then zeros. */
    private long filled;

    private Segment(long number, Path path, FileChannel channel, long snapshotBytes, long size, long filled) {
        this.number = number;
        this.path = path;
        this.channel = channel;
        this.snapshotBytes = snapshotBytes;
        this.size = size;
        this.filled = filled;
    }

    /** Writes the snapshot under a temporary name, forces it, then renames it into place and forces the directory. */
    static Segment create(Path dir, long number, List<LogRecord> snapshot, Opener opener) throws IOException {
        Path path = dir.resolve(name(number));
        Path temporary = dir.resolve(name(number) + ".tmp");
        FileChannel channel = opener.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            Segment segment = new Segment(number, path, channel, 0, 0, 0);
            for (LogRecord record : snapshot) {
                segment.write(Frames.frame(RecordCodec.encode(record)));
            }
            segment.write(Frames.frame(RecordCodec.encode(new LogRecord.Checkpoint())));
            segment.force();
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
            return new Segment(number, path, channel, segment.size, segment.size, segment.filled);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Opens an existing segment to append after its first {@code validEnd} bytes. */
    static Segment reopen(Path path, long snapshotBytes, long validEnd, Opener opener) throws IOException {
        FileChannel channel = opener.open(path, StandardOpenOption.WRITE);
        channel.position(validEnd);
        return new Segment(number(path), path, channel, snapshotBytes, validEnd, channel.size());
    }

    /** Segment files in {@code dir}, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("segment-") && name.endsWith(".log.tmp");
    }

    static long number(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not a segment");
        }
        return Long.parseLong(m.group(1));
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static String name(long number) {
        return String.format("segment-%012d.log", number);
    }

    void write(ByteBuffer frame) throws IOException {
        int length = frame.remaining();
        while (size + length > filled) {
            fillAhead();
        }
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        size += length;
    }

    /** Writes {@link #PREALLOCATED_BYTES} zeros at the end of the file; the next {@link #force} makes them durable. */
    private void fillAhead() throws IOException {
        ByteBuffer zeros = ZEROS.duplicate();
        while (zeros.hasRemaining()) {
            filled += channel.write(zeros, filled);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    long number() {
        return number;
    }

    Path path() {
        return path;
    }

    /** Bytes appended after the snapshot. */
    long appendedBytes() {
        return size - snapshotBytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
