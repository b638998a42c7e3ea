package dev.weft.runtime.jmx;

/**
 * {@code dev.weft:type=Messages}: the outbox and the consumer groups of this JVM since start (docs/outbox.md). Counts
 * are per process; the backlog is of the outbox tables this process knows, as of its last sweep.
 */
public interface MessagesMXBean {
    /** Messages whose transaction committed. */
    long getPublished();

    /** Outbox rows this process put on their streams. */
    long getRelayed();

    /** Rows waiting in weft_outbox: committed, not on a stream yet. */
    long getPendingInOutbox();

    /** Age of the oldest of them, in milliseconds; 0 when there are none. */
    long getOldestUnrelayedAgeMillis();

    /** Messages the consumer groups of this process handled (and acknowledged). */
    long getConsumed();

    /** Failed attempts that will be tried again. */
    long getRetried();

    /** Messages moved to a dead-letter stream after their last attempt. */
    long getDeadLettered();

    /** One line per stream and per consumer group, with its own counts. */
    String[] getStreams();
}
