package dev.weft.runtime.jdbc;

/**
 * What the barrier decided for one phase, as {@link PhaseScope#end()} reports it. TCC decides from this value, not
 * from the exception the body threw: the body may have wrapped or swallowed {@link PhaseSkippedException}.
 */
public enum PhaseOutcome {
    /**
     * The barrier row was written in the transaction that carries the phase's first database work, and that
     * transaction committed or is still open in the application's hands (it then commits or rolls back with that
     * work). The body's own result or exception decides the phase.
     */
    APPLIED,
    /**
     * The phase had already run (a duplicate confirm or cancel, a replay after a crash): its database work was
     * skipped. Report success, whatever the body threw.
     */
    ALREADY_DONE,
    /**
     * A cancel arrived before its try: the try row was written as a tombstone and committed at once, and the
     * business cancel was skipped. Report success, whatever the body threw. A later try is {@link #REFUSED}.
     */
    EMPTY_ROLLBACK,
    /** A try arrived after its cancel (the tombstone): its database work was not executed. The try has failed. */
    REFUSED,
    /** The phase ran no statement on a woven connection: the barrier was never involved. */
    NO_DATABASE_WORK,
    /**
     * The phase wrote its barrier but its transaction rolled back (or the barrier refused to start it, with a
     * {@link BarrierException}): nothing of the phase is in the database. A try has failed; a confirm or cancel
     * must run again.
     */
    ROLLED_BACK;

    /** The barrier stopped the phase's database work: every statement of the phase throws. */
    boolean skipsWork() {
        return this == ALREADY_DONE || this == EMPTY_ROLLBACK || this == REFUSED;
    }
}
