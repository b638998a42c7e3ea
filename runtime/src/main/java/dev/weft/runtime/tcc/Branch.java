package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.ParticipantId;

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
    private volatile boolean tryReturned;
    private volatile boolean done;

    Branch(int id, Participant participant, Object instance, Object[] arguments, String argumentsJson) {
        this.id = id;
        this.participantId = participant.id();
        this.participant = participant;
        this.instance = instance;
        this.arguments = arguments;
        this.argumentsJson = argumentsJson;
    }

    /** From the log: its try may or may not have run, so a rollback cancels it. */
    Branch(int id, ParticipantId participantId, String argumentsJson, boolean done) {
        this.id = id;
        this.participantId = participantId;
        this.argumentsJson = argumentsJson;
        this.instance = null;
        this.arguments = null;
        this.tryReturned = true;
        this.done = done;
    }

    void tryReturned() {
        tryReturned = true;
    }

    /**
     * Still to be confirmed or cancelled. A try that threw undid its own work (SPEC 4): it is neither cancelled nor,
     * should the global method catch its exception and return, confirmed.
     */
    boolean pending() {
        return tryReturned && !done;
    }

    boolean tryThrew() {
        return !tryReturned && !done;
    }

    void done() {
        done = true;
    }
}
