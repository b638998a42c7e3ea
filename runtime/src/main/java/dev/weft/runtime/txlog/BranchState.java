package dev.weft.runtime.txlog;

/**
 * Where a branch stands, and so how its try ended: {@link #RETURNED}, {@link #FAILED} or, for a try that threw and
 * undid its own work, {@link #DONE}. Phase two of a commit confirms {@link #RETURNED} branches and
 * cancels {@link #TRYING} and {@link #FAILED} ones; a rollback cancels all three. A branch still {@code TRYING} at the
 * decision may never have run, or may still be running in another process: cancelling it is the only safe move, and
 * the JDBC barrier makes a cancel before its try an empty rollback and refuses the late try.
 */
public enum BranchState {
    /** Registered; its try runs now, or its process died during it. */
    TRYING,
    /** Its try returned before the decision. */
    RETURNED,
    /** Its try threw with {@code jdbc.barrier} on: it may have committed work, so it is cancelled whatever the decision. */
    FAILED,
    /** Nothing more to do: confirmed, cancelled, or its try threw without the barrier (it undid its own work). */
    DONE;

    /** @throws IllegalArgumentException unless {@code end} says how a try ended ({@code TRYING} does not) */
    public static void checkTryEnd(BranchState end) {
        if (end == TRYING) {
            throw new IllegalArgumentException("a try that ended is not TRYING");
        }
    }
}
