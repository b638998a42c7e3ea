package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import dev.weft.runtime.txlog.ParticipantId;

/**
 * One participant's try within a global transaction, and what phase two needs to finish it.
 *
 * <p>A branch registered in this process keeps the instance that ran the try and the argument objects it got; one
 * read from the log in another process, or after a restart, has only names and JSON, and phase two finds a class, an
 * instance and the arguments again.
 */
final class Branch {
    final int id;
    final ParticipantId participantId;
    final String argumentsJson;
    /** Null until resolved (always set for branches registered in this process). */
    volatile Participant participant;
    /** The instance that ran the try; null for static participants and branches from the log alone. */
    final Object instance;
    /** The try's own arguments; null for branches from the log alone (decoded from {@link #argumentsJson} instead). */
    final Object[] arguments;
    /**
     * As the log had it when phase two read it, then {@code DONE} once confirmed or cancelled. A branch registered
     * here stays {@code TRYING} in memory: how its try ended is the log's to say.
     */
    private volatile BranchState state;

    /** Registered in this process, its try about to run. */
    Branch(int id, Participant participant, Object instance, Object[] arguments, String argumentsJson) {
        this(id, participant.id(), argumentsJson, BranchState.TRYING, participant, instance, arguments);
    }

    private Branch(int id, ParticipantId participantId, String argumentsJson, BranchState state,
                   Participant participant, Object instance, Object[] arguments) {
        this.id = id;
        this.participantId = participantId;
        this.argumentsJson = argumentsJson;
        this.state = state;
        this.participant = participant;
        this.instance = instance;
        this.arguments = arguments;
    }

    /**
     * For a round of phase two, from the log, whose state is the truth: a branch still {@code TRYING} at the decision
     * (its process died, or its RETURNED came too late or could not be recorded) is cancelled whatever the decision,
     * like a {@code FAILED} one.
     *
     * @param local the same branch as registered in this process (its instance and argument objects), or null
     */
    static Branch of(LoggedBranch logged, Branch local) {
        return local == null
                ? new Branch(logged.id(), logged.participant(), logged.arguments(), logged.state(), null, null, null)
                : new Branch(logged.id(), logged.participant(), logged.arguments(), logged.state(), local.participant,
                        local.instance, local.arguments);
    }

    /** Still to be confirmed or cancelled. */
    boolean pending() {
        return state != BranchState.DONE;
    }

    /** Phase two of a commit confirms it; otherwise it is cancelled. */
    boolean confirmable() {
        return state == BranchState.RETURNED;
    }

    void done() {
        state = BranchState.DONE;
    }
}
