package dev.weft.runtime.txlog;

import java.util.List;

/**
 * An append-only log of {@link LogRecord}s on one machine's disk: what {@link FileTransactionLog} writes through
 * ({@link SegmentLog}; tests wrap it to fail on cue).
 *
 * <p>Records of one log are kept in the order they were appended. An implementation that fails to write must not
 * accept later records until {@link #repair} succeeded, so that a record is never durable while an earlier one was
 * lost; {@link #checkWritable} then throws, which is how a global transaction refuses to begin.
 */
public interface RecordLog extends AutoCloseable {
    /** The transactions that were unfinished when the log was opened (its owner crashed or stopped before the end). */
    List<RecoveredTransaction> recovered();

    /**
     * Appends {@code record} after every earlier one, in memory: it is in the file only after {@link #awaitWritten},
     * on disk after {@link #awaitDurable}. Cheap: call it under the lock that orders the records, and wait outside it.
     *
     * @return its place in the order of appends, for {@link #awaitWritten} and {@link #awaitDurable}
     */
    long append(LogRecord record);

    /**
     * Returns only once every record up to {@code position} is in the file: a crash of this process no longer loses
     * it (one of the machine still may). Callers that wait at once share one write, so wait without holding a lock
     * other appenders need.
     */
    void awaitWritten(long position);

    /**
     * Returns only once every record up to {@code position} is on stable storage. Callers that wait at once share one
     * write and one fsync (group commit), so wait without holding a lock other appenders need.
     */
    void awaitDurable(long position);

    /** Appends {@code record} and returns only once it, and everything appended before it, is on stable storage. */
    default void appendDurably(LogRecord record) {
        awaitDurable(append(record));
    }

    /** @throws TransactionLogException saying why, when the log cannot take records now */
    void checkWritable();

    /** Tries to make a failed log writable again; true when it is writable. */
    boolean repair();

    /** Where the log is, for messages. */
    String describe();

    @Override
    void close();
}
