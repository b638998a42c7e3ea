package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;

/**
 * One participant's try within a global transaction, and what phase two needs to finish it.
 *
 * <p>A branch registered in this process keeps the instance that ran the try and the argument objects it got; one
 * recovered from the log has only names and JSON, and phase two finds a class, an instance and the arguments again.
 */
final class Branch {
    final int id;
    final ParticipantId participantId;
    final String argumentsJson;
    /** Null until resolved (always set for branches registered in this process). */
    volatile Participant participant;
    /** The instance that ran the try; null for static participants and recovered branches. */
    final Object instance;
    /** The try's own arguments; null for recovered branches (decoded from {@link #argumentsJson} instead). */
    final Object[] arguments;
    /** How the try ended, as far as this process knows; RUNNING while it runs. */
    private volatile TryEnd tryEnd;
    private volatile boolean done;

    enum TryEnd {
        RUNNING,
        /** The try returned and the barrier (if on) did not say otherwise: a commit confirms it. */
        RETURNED,
        /** The try threw, or the barrier refused it or rolled its work back: never confirmed. */
        FAILED
    }

    Branch(int id, Participant participant, Object instance, Object[] arguments, String argumentsJson) {
        this.id = id;
        this.participantId = participant.id();
        this.participant = participant;
        this.instance = instance;
        this.arguments = arguments;
        this.argumentsJson = argumentsJson;
        this.tryEnd = TryEnd.RUNNING;
    }

    /**
     * From the log. A try the log does not say failed may or may not have run (no decision yet) or returned (a
     * decision was made after every try ended), so a rollback cancels it and a commit confirms it.
     */
    Branch(int id, ParticipantId participantId, String argumentsJson, boolean tryFailed, boolean done) {
        this(id, participantId, argumentsJson, tryFailed, done, null);
    }

    /**
     * From a shared log, whose state is the truth: a branch still {@code TRYING} at the decision (its process died, or
     * its RETURNED came too late or could not be recorded) is cancelled whatever the decision, like a FAILED one.
     *
     * @param local the same branch as registered in this process (its instance and argument objects), or null
     */
    static Branch of(LoggedBranch shared, Branch local) {
        return new Branch(shared.id(), shared.participant(), shared.arguments(), shared.state() != BranchState.RETURNED,
                shared.state() == BranchState.DONE, local);
    }

    private Branch(int id, ParticipantId participantId, String argumentsJson, boolean tryFailed, boolean done,
                   Branch local) {
        this.id = id;
        this.participantId = participantId;
        this.argumentsJson = argumentsJson;
        this.participant = local == null ? null : local.participant;
        this.instance = local == null ? null : local.instance;
        this.arguments = local == null ? null : local.arguments;
        this.tryEnd = tryFailed ? TryEnd.FAILED : TryEnd.RETURNED;
        this.done = done;
    }

    void tryEnded(boolean succeeded) {
        tryEnd = succeeded ? TryEnd.RETURNED : TryEnd.FAILED;
    }

    /**
     * Still to be confirmed or cancelled. Without the barrier a failed try is marked done at the decision: it undid its
     * own work (SPEC 4), so it is neither cancelled nor, should the global method catch its exception and return,
     * confirmed. With the barrier it stays pending and is cancelled (see {@link Coordinator}).
     */
    boolean pending() {
        return tryEnd != TryEnd.RUNNING && !done;
    }

    /** Phase two of a commit confirms it; otherwise it is cancelled. */
    boolean confirmable() {
        return tryEnd == TryEnd.RETURNED;
    }

    boolean tryFailed() {
        return tryEnd == TryEnd.FAILED && !done;
    }

    void done() {
        done = true;
    }
}
