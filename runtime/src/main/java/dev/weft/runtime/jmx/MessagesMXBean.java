package dev.weft.runtime.jmx;

import dev.weft.runtime.messaging.DeadLetter;
import java.util.List;

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

    /** Messages waiting in the dead-letter streams ({@code <stream>.dlq}) of the configured streams, read now. */
    long getDeadLettersWaiting();

    /** The newest dead letters of each configured stream (at most 20 each), newest first, read now. */
    List<DeadLetter> getDeadLetters();

    /** Prepared messages (mode: prepared) waiting in Redis for their transaction's outcome or check-back, read now. */
    long getPreparedWaiting();

    /** Prepared messages this process resolved by a check-back (published or discarded). */
    long getCheckedBack();

    /** Check-backs that could not decide (database or checkBack method unreachable); each is tried again. */
    long getCheckBackFailures();

    /** One line per stream and per consumer group, with its own counts. */
    String[] getStreams();
}
