package dev.weft.runtime.jdbc;

import java.util.Objects;

/**
 * The seam between TCC and the JDBC barrier: TCC brackets each try, confirm and cancel body with {@link #begin} and
 * {@link #end}, on the thread that runs the body; the barrier's hooks in every JDBC driver read it.
 *
 * <pre>{@code
 * PhaseScope.begin(new BarrierKey(xid, branchId, Phase.CONFIRM));
 * Throwable thrown = null;
 * try {
 *     body.run();
 * } catch (Throwable t) {
 *     thrown = t;
 * }
 * PhaseOutcome outcome = PhaseScope.end();   // always, also when the body threw
 * // ALREADY_DONE, EMPTY_ROLLBACK: success whatever was thrown. REFUSED: the try failed whatever it returned.
 * // ROLLED_BACK: nothing of the phase is in the database (a failed try; a confirm/cancel to run again).
 * // APPLIED, NO_DATABASE_WORK: the body's own result or exception decides.
 * }</pre>
 *
 * <p>Rules TCC must follow:
 * <ul>
 *   <li>{@code end()} on the same thread as {@code begin()}, exactly once, in a {@code finally}; it also finishes a
 *       phase that ran in auto-commit mode (its transaction commits there, see {@code docs/jdbc-barrier.md}).</li>
 *   <li>One phase is one local transaction on one database. The barrier row goes into the transaction of the phase's
 *       first statement; later transactions of the same phase, and other connections used while it is open, are
 *       not guarded.</li>
 *   <li>Work the body hands to other threads is outside the phase.</li>
 *   <li>Nested phases (a participant's body calling another participant) stack: the inner phase has its own key and
 *       its own barrier row until its {@code end()}, then the outer phase is current again.</li>
 *   <li>A confirm or cancel must not run inside a transaction that already holds other work on the same connection
 *       (for example inside the application's own open transaction): an empty rollback has to commit its tombstone
 *       at once, so in that case the cancel fails with {@link BarrierException} and must be retried outside.</li>
 * </ul>
 */
public final class PhaseScope {
    private static final ThreadLocal<PhaseState> CURRENT = new ThreadLocal<>();

    private PhaseScope() {
    }

    /** Starts a phase on this thread; the JDBC statements this thread runs until {@link #end()} belong to it. */
    public static void begin(BarrierKey key) {
        Objects.requireNonNull(key, "key");
        CURRENT.set(new PhaseState(key, CURRENT.get()));
    }

    /**
     * Ends this thread's innermost phase: a transaction the barrier opened for an auto-commit connection is
     * committed, and the decision is reported.
     *
     * @throws IllegalStateException when no phase is active on this thread
     */
    public static PhaseOutcome end() {
        PhaseState phase = CURRENT.get();
        if (phase == null) {
            throw new IllegalStateException("weft: PhaseScope.end() without begin() on this thread");
        }
        try {
            return phase.finish();
        } finally {
            // set, not remove: the entry stays, so the hooks' next get() on this thread does not allocate one again
            CURRENT.set(phase.outer());
        }
    }

    /** The innermost phase active on this thread, or {@code null}. */
    public static BarrierKey current() {
        PhaseState phase = CURRENT.get();
        return phase == null ? null : phase.key();
    }

    /** For the hooks: the one thread-local read that a JDBC call outside any phase costs. */
    static PhaseState active() {
        return CURRENT.get();
    }
}
