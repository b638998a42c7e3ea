package dev.weft.runtime.jmx;

import dev.weft.runtime.notification.DeadLetter;
import java.util.List;

/**
 * {@code dev.weft:type=Notifications}: best-effort notification calls (docs/notifications.md). {@code Pending},
 * {@code Dead} and the dead letters are the whole store's, read now (every instance sharing it); the other counts are
 * this process's since it started.
 */
public interface NotificationsMXBean {
    /** Calls recorded and not settled: running their first attempt, or waiting for a retry. */
    long getPending();

    /** Dead letters waiting for an operator. */
    long getDead();

    /** Calls this process recorded. */
    long getRecorded();

    /** Attempts that succeeded in this process, first calls and retries. */
    long getSucceeded();

    /** Retries this process made. */
    long getRetried();

    /** Calls this process dead-lettered after their last attempt. */
    long getDeadLettered();

    /** Every dead letter, with its last error. */
    List<DeadLetter> getDeadLetters();

    /** Makes the dead letter due now, with its schedule started again; false when there is none with that id. */
    boolean replay(String id);

    /** Forgets the dead letter; false when there is none with that id. */
    boolean discard(String id);
}
