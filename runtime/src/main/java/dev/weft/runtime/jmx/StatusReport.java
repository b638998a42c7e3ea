package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.messaging.DeadLetter;
import dev.weft.runtime.weave.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code weft status} shows about one JVM, read from its Weft MBeans; {@code --json} prints exactly this.
 *
 * @param locks        null when the JVM has no {@code dev.weft:type=Locks}
 * @param transactions null when no transactions are configured ({@code dev.weft:type=Transactions} absent)
 * @param messages     null when no messages are configured ({@code dev.weft:type=Messages} absent)
 * @param notifications null when no notifications are configured ({@code dev.weft:type=Notifications} absent)
 * @param sessions     null when sessions are not enabled ({@code dev.weft:type=Sessions} absent)
 * @param xa           null when no XA methods are configured ({@code dev.weft:type=XA} absent)
 * @param redis        the Redis deployment, its nodes and master(s), one line; null from an agent that does not say
 */
public record StatusReport(long pid, String version, String configFile, long wovenMethods, long rejectedMethods,
                           long weaveFailures, List<SelectorView> selectors, Locks locks, Transactions transactions,
                           Messages messages, Notifications notifications, Sessions sessions, Xa xa,
                           String redis) {

    /** A JVM with none of the features added after messages. */
    public StatusReport(long pid, String version, String configFile, long wovenMethods, long rejectedMethods,
                        long weaveFailures, List<SelectorView> selectors, Locks locks, Transactions transactions,
                        Messages messages) {
        this(pid, version, configFile, wovenMethods, rejectedMethods, weaveFailures, selectors, locks, transactions,
                messages, null, null, null, null);
    }

    public record Locks(long acquired, long busy, long lost, long errors, long heldNow, List<HeldLockInfo> held,
                        Map<String, Integer> waiters, Percentiles waitTimes, Percentiles holdTimes) {
    }

    public record Transactions(long begun, long committed, long rolledBack, long active, long recovering, long failed,
                               List<TransactionView> open, List<TransactionView> failedTransactions) {
    }

    /**
     * @param streams           one line per stream and consumer group, with its counts
     * @param deadLettersUnread why the dead-letter streams could not be read (Redis down, say); null when they were
     */
    public record Messages(long published, long relayed, long pendingInOutbox, long oldestUnrelayedAgeMillis,
                           long consumed, long retried, long deadLettered, List<String> streams,
                           long deadLettersWaiting, List<DeadLetter> deadLetters, String deadLettersUnread) {
    }

    /**
     * @param pending  calls recorded and not settled, in the whole store
     * @param unread   why the store could not be read (Redis down, say); null when it was
     */
    public record Notifications(long recorded, long succeeded, long retried, long deadLettered, long pending,
                                long dead, List<dev.weft.runtime.notification.DeadLetter> deadLetters, String unread) {
    }

    /** {@code dev.weft:type=Sessions}: this process's counts since it started. */
    public record Sessions(long active, long reads, long writes, long bytesWritten, long refusals, long redisErrors,
                           long created, long invalidated) {
    }

    /**
     * @param inDoubt prepared branches of this node the databases hold (committing now, or waiting for recovery)
     * @param unread  why the databases could not be asked; null when they were
     */
    public record Xa(long begun, long committed, long rolledBack, long timedOut, long failed, long active,
                     List<dev.weft.runtime.xa.InDoubt> inDoubt, String unread) {
    }
}
