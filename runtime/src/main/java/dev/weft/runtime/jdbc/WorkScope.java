package dev.weft.runtime.jdbc;

import java.util.Objects;

/**
 * The seam between a woven method that adds rows to its own database transaction (a publish method's outbox message,
 * a consumer's inbox row) and the JDBC hooks in every driver. The method's site brackets the body with
 * {@link #begin} and {@link #end}, on the thread that runs it:
 *
 * <pre>{@code
 * WorkScope.begin(work);
 * Throwable thrown = null;
 * try {
 *     body.run();
 * } catch (Throwable t) {
 *     thrown = t;
 * }
 * WorkOutcome outcome = WorkScope.end(thrown);   // always; may throw WorkNotRecordedException when thrown == null
 * }</pre>
 *
 * <p>The transaction of the method is the one its first statement runs in, on that statement's connection (the
 * driver's own connection under pool wrappers). If that connection is in auto-commit mode, Weft turns auto-commit off
 * and owns the transaction: the method's statements on it and Weft's rows commit together at {@code end}, or roll back
 * together when the method throws or one of them fails (the method's next statement then starts a new transaction,
 * as with the JDBC barrier). Otherwise the application owns it (Spring's {@code @Transactional}, a plain
 * {@code setAutoCommit(false)}): Weft's rows go in at {@code end}, or just before the application's {@code commit()} if
 * it commits inside the method, and {@link TransactionWork#committed()} or {@link TransactionWork#rolledBack()} fire
 * when that connection's transaction ends, on whatever thread ends it.
 *
 * <p>Not covered, by design:
 * <ul>
 *   <li>Statements of the method on another connection, or in a later transaction after the first one committed
 *       inside the method: they are not in Weft's transaction.</li>
 *   <li>Work the method hands to other threads.</li>
 *   <li>Nested scopes stack: a statement belongs to the innermost scope only, so an outer method's transaction is the
 *       one of its own first statement outside the inner scope.</li>
 *   <li>A TCC barrier phase keeps precedence: statements made while a phase is active are the phase's. A scope cannot
 *       begin inside a phase (its statements would all be the phase's): {@link #begin} refuses it.</li>
 *   <li>A {@code setAutoCommit} call on the followed connection inside the method writes Weft's rows at once (the hook
 *       cannot see its argument, and {@code setAutoCommit(true)} commits): early, but always inside the
 *       transaction.</li>
 * </ul>
 *
 * <p>Weft's own statements ({@link TransactionWork#beforeCommit}) pass the hooks untouched and run {@link Untraced}.
 */
public final class WorkScope {
    private static final ThreadLocal<WorkState> CURRENT = new ThreadLocal<>();

    private WorkScope() {
    }

    /**
     * Starts following this thread's JDBC work for one method call; nested begin() stacks.
     *
     * @throws IllegalStateException inside a TCC barrier phase, whose statements the barrier follows instead
     */
    public static void begin(TransactionWork work) {
        Objects.requireNonNull(work, "work");
        if (PhaseScope.active() != null) {
            throw new IllegalStateException("weft: " + PhaseScope.current() + " is running, and its statements belong"
                    + " to the JDBC barrier; a publish or consume method cannot run inside a TCC try, confirm or"
                    + " cancel. Publish from the global transaction's method instead, or after it");
        }
        CURRENT.set(new WorkState(work, CURRENT.get()));
    }

    /**
     * Ends the innermost scope. thrown==null: if the method ran statements, work.beforeCommit(...) runs inside the
     * transaction of its first written connection (unless that already happened because the application committed it
     * inside the method), then, if Weft owns that transaction (connection was in auto-commit), Weft commits it and
     * turns auto-commit back on. thrown!=null: a Weft-owned transaction is rolled back; an application-owned one is
     * left to the application.
     *
     * @throws WorkNotRecordedException when beforeCommit or Weft's commit failed; the transaction is rolled back if
     *     Weft owns it, and work.rolledBack() has been called
     * @throws IllegalStateException when no scope is active on this thread
     */
    public static WorkOutcome end(Throwable thrown) {
        WorkState state = CURRENT.get();
        if (state == null) {
            throw new IllegalStateException("weft: WorkScope.end() without begin() on this thread");
        }
        try {
            return state.finish(thrown);
        } finally {
            // set, not remove: the entry stays, so the hooks' next get() on this thread does not allocate one again
            CURRENT.set(state.outer());
        }
    }

    /** For the hooks: the one extra thread-local read a JDBC call outside any phase costs. */
    static WorkState active() {
        return CURRENT.get();
    }
}
