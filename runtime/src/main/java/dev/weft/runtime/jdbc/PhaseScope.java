package dev.weft.runtime.jdbc;

import java.util.Objects;

/**
 * The seam between TCC and the JDBC barrier: TCC brackets each try, confirm and cancel body with {@link #begin} and
 * {@link #end}, on the thread that runs the body; the barrier's hooks in every JDBC driver read it.
 *
 * <pre>{@code
 * PhaseScope.begin(new BarrierKey(xid, branchId, BranchPhase.CONFIRM));
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
 *
 * <p>Weft's own JDBC work (the {@code type: jdbc} transaction log) may run on a thread inside a phase, on
 * connections of a woven driver; it runs under {@link #suspend()}, so the barrier never touches it.
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

    /**
     * Hides this thread's phases until the returned suspension is closed: JDBC calls made meanwhile are outside any
     * phase, so the hooks pass them untouched (no barrier row, no auto-commit change, never
     * {@link PhaseSkippedException}). For Weft's own statements; the phases' own connections are not touched.
     *
     * <pre>{@code
     * try (PhaseScope.Suspension ignored = PhaseScope.suspend()) {
     *     // statements on Weft's own connections
     * }
     * }</pre>
     */
    public static Suspension suspend() {
        Suspension suspension = new Suspension(CURRENT.get());
        CURRENT.set(null);
        return suspension;
    }

    /** The phases {@link #suspend()} hid; closing it makes them current again on this thread. */
    public static final class Suspension implements AutoCloseable {
        private final PhaseState hidden;
        private final Thread thread = Thread.currentThread();
        private boolean closed;

        private Suspension(PhaseState hidden) {
            this.hidden = hidden;
        }

        /**
         * @throws IllegalStateException on another thread, or when a phase begun during the suspension is still open:
         *     putting the hidden phases back would lose it
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("weft: a PhaseScope suspension must end on the thread that began it");
            }
            if (CURRENT.get() != null) {
                throw new IllegalStateException("weft: a phase begun while phases were suspended is still open;"
                        + " end it before the suspension");
            }
            closed = true;
            CURRENT.set(hidden);
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
