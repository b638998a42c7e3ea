package dev.weft.runtime.txlog;

import java.util.List;

/**
 * Where global transactions are recorded so that they can be finished after a crash (SPEC 4, "TCC transactions").
 * {@code transactions.log.type} picks the implementation; {@code file} ({@link SegmentLog}) is the default.
 *
 * <p>Records of one log are kept in the order they were appended. An implementation that fails to write must not
 * accept later records until {@link #repair} succeeded, so that a record is never durable while an earlier one was
 * lost; {@link #checkWritable} then throws, which is how a global transaction refuses to begin.
 */
public interface RecordLog extends AutoCloseable {
    /** The transactions that were unfinished when the log was opened (its owner crashed or stopped before the end). */
    List<RecoveredTransaction> recovered();

    /** Appends {@code record} after every earlier one; it may still be lost in a crash. */
    void append(LogRecord record);

    /** Appends {@code record} and returns only once it, and everything appended before it, is on stable storage. */
    void appendDurably(LogRecord record);

    /** @throws TransactionLogException saying why, when the log cannot take records now */
    void checkWritable();

    /** Tries to make a failed log writable again; true when it is writable. */
    boolean repair();

    /** Where the log is, for messages. */
    String describe();

    @Override
    void close();
}
