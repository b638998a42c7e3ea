package dev.weft.runtime.txlog;

import java.util.Objects;

/**
 * One fact about a global transaction, in the order it happened. Replaying a log's records gives the state of every
 * transaction that has not ended ({@link LiveTransactions}).
 */
public sealed interface LogRecord {
    /** The transaction began; without a decision by {@code deadline} (epoch millis) it is rolled back. */
    record Begin(String xid, long startedAt, long deadline, String origin) implements LogRecord {
        public Begin {
            Objects.requireNonNull(xid);
            Objects.requireNonNull(origin);
        }
    }

    /** A participant's try is about to run with these arguments (JSON, bound to the try's parameter types). */
    record Branch(String xid, int branchId, ParticipantId participant, String arguments) implements LogRecord {
        public Branch {
            Objects.requireNonNull(xid);
            Objects.requireNonNull(participant);
            Objects.requireNonNull(arguments);
        }
    }

    /** Commit (confirm every branch) or roll back (cancel them). A later decision replaces an earlier one's FAILED mark. */
    record Decision(String xid, boolean commit) implements LogRecord {
        public Decision {
            Objects.requireNonNull(xid);
        }
    }

    /** The branch needs nothing more: its confirm or cancel returned, or its try threw and so needs no cancel. */
    record BranchDone(String xid, int branchId) implements LogRecord {
        public BranchDone {
            Objects.requireNonNull(xid);
        }
    }

    /**
     * The branch's try threw (written only with {@code jdbc.barrier: true}, before the decision): a commit must not
     * confirm it, and it is cancelled whatever the decision, since it may have committed database work before it threw
     * and the barrier makes the cancel of a try that left nothing an empty rollback.
     */
    record TryFailed(String xid, int branchId) implements LogRecord {
        public TryFailed {
            Objects.requireNonNull(xid);
        }
    }

    /** Phase two gave up after its attempts; the transaction stays, for an operator, until a new decision or an end. */
    record Failed(String xid, String reason) implements LogRecord {
        public Failed {
            Objects.requireNonNull(xid);
            Objects.requireNonNull(reason);
        }
    }

    /** Nothing more to do for the transaction; it is forgotten. */
    record End(String xid) implements LogRecord {
        public End {
            Objects.requireNonNull(xid);
        }
    }

    /**
     * A best-effort notification call's whole state, in a log of its own ({@code <dir>/notifications},
     * docs/notifications.md "Stores"): it replaces any earlier record with its id, so a snapshot re-states only the
     * last one.
     *
     * @param call       the call as JSON (the notification package's {@code CallJson})
     * @param dueMillis  when it is due next; ignored once dead
     * @param attempts   attempts made or under way
     * @param leaseMillis how long its next attempt holds it
     * @param deadMillis when it became a dead letter; 0 while it is pending
     */
    record Notification(String id, String call, long dueMillis, int attempts, long leaseMillis, String lastError,
                        long deadMillis) implements LogRecord {
        public Notification {
            Objects.requireNonNull(id);
            Objects.requireNonNull(call);
            Objects.requireNonNull(lastError);
        }
    }

    /** The notification call succeeded or was discarded: it is forgotten. */
    record NotificationGone(String id) implements LogRecord {
        public NotificationGone {
            Objects.requireNonNull(id);
        }
    }

    /**
     * Ends the snapshot a segment starts with. Its presence proves the snapshot is whole, so damage before it is
     * damage to data that was already on disk, not a torn tail.
     */
    record Checkpoint() implements LogRecord {
    }
}
