package dev.weft.runtime.txlog;

import java.util.List;
import java.util.Objects;

/**
 * An open transaction as a {@link TransactionLog} holds it.
 *
 * @param phase    {@code TRYING} until decided
 * @param failure  why phase two gave up (FAILED), or null
 * @param attempts failed attempts of phase two so far
 * @param dueAt    epoch millis when an instance next looks at it (deadline, retry, or claim expiry); 0 when FAILED
 * @param branches in registration order
 * @param decisionPending decided, but the decision is not on stable storage yet (a file log after a write error,
 *                        until it can write again): phase two waits, since a commit the disk may still hold must not
 *                        be confirmed after cancels. Never set by a shared log, whose decisions are durable or not made
 */
public record LoggedTransaction(String xid, String origin, long startedAt, long deadline, Phase phase, String failure,
                                int attempts, long dueAt, List<LoggedBranch> branches, boolean decisionPending) {
    public LoggedTransaction {
        Objects.requireNonNull(xid);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(phase);
        branches = List.copyOf(branches);
    }

    /** A transaction whose decision, if any, is durable. */
    public LoggedTransaction(String xid, String origin, long startedAt, long deadline, Phase phase, String failure,
                             int attempts, long dueAt, List<LoggedBranch> branches) {
        this(xid, origin, startedAt, deadline, phase, failure, attempts, dueAt, branches, false);
    }

    /** One branch: which participant, with what arguments (JSON), and where it stands. */
    public record LoggedBranch(int id, ParticipantId participant, String arguments, BranchState state) {
        public LoggedBranch {
            Objects.requireNonNull(participant);
            Objects.requireNonNull(arguments);
            Objects.requireNonNull(state);
        }
    }
}
