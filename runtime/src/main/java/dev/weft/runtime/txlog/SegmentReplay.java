package dev.weft.runtime.txlog;

import dev.weft.runtime.log.Log;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the newest segment when the log is opened: replays its good records and cuts off a torn tail.
 *
 * <p>Only the end can be torn: the part written since the last fsync. Everything before the checkpoint was forced
 * before the segment got its name, and a crash does not damage what comes before good records, so damage in either
 * place is damage to the disk or the file, and opening is refused rather than guessing which transactions were
 * lost.
 */
final class SegmentReplay {
    /** What was kept of the segment. */
    record Result(long snapshotBytes, long validEnd) {
    }

    private SegmentReplay() {
    }

    static Result replay(Path segment, LiveTransactions into) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        Frames.Read read = Frames.read(bytes);
        List<LogRecord> records = new ArrayList<>(read.payloads().size());
        long offset = 0;
        long snapshotBytes = -1;
        for (byte[] payload : read.payloads()) {
            LogRecord record = decode(segment, payload, offset);
            offset += Frames.HEADER + payload.length;
            if (record instanceof LogRecord.Checkpoint && snapshotBytes < 0) {
                snapshotBytes = offset;
            }
            records.add(record);
        }
        if (snapshotBytes < 0) {
            throw new TransactionLogException(segment + " is damaged at byte " + read.validEnd() + ", inside the"
                    + " snapshot it starts with, which was already on disk: this is not a crash but damage to the file"
                    + " or the disk. Weft will not guess which transactions it held. Restore the directory from a"
                    + " backup, or move it away to start with an empty log (unfinished transactions are then lost)");
        }
        if (read.damaged() && Frames.goodFrameAfter(bytes, read.validEnd())) {
            throw new TransactionLogException(segment + " is damaged at byte " + read.validEnd() + " but good records"
                    + " follow: this is not a write cut short by a crash but damage to the file or the disk, and the"
                    + " records after it may hold decisions already reported. Weft will not guess. Restore the"
                    + " directory from a backup; or, accepting the loss of every record from there on, cut the file"
                    + " (truncate -s " + read.validEnd() + " " + segment + ") and start again");
        }
        records.forEach(into::apply);
        if (read.damaged()) {
            cutTornTail(segment, bytes, read.validEnd());
        }
        return new Result(snapshotBytes, read.validEnd());
    }

    private static LogRecord decode(Path segment, byte[] payload, long offset) {
        try {
            return RecordCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            throw new TransactionLogException("the record at byte " + offset + " of " + segment + " has a good"
                    + " checksum but is not one this version of Weft writes (" + e.getMessage() + "); was the log"
                    + " written by a newer Weft? Run that version to finish its transactions", e);
        }
    }

    /**
     * Keeps the cut bytes beside the segment, for whoever wants to look (without the zeros the file was filled with
     * ahead of its records), then truncates and forces.
     */
    private static void cutTornTail(Path segment, byte[] bytes, int validEnd) throws IOException {
        Path kept = segment.resolveSibling(segment.getFileName() + "." + System.currentTimeMillis() + ".tail");
        int end = bytes.length;
        while (end > validEnd && bytes[end - 1] == 0) {
            end--;
        }
        Files.write(kept, Arrays.copyOfRange(bytes, validEnd, end));
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(validEnd);
            channel.force(true);
        }
        Log.warn("the transaction log " + segment + " ended in " + (end - validEnd) + " unreadable byte(s)"
                + " at byte " + validEnd + " (a write cut short by a crash); they were cut off and kept in " + kept
                + ". Nothing acknowledged is lost: a decision is only acknowledged once it is on disk");
    }
}
