package dev.weft.runtime.jdbc;

import java.sql.Connection;

/** One phase on one thread, from {@link PhaseScope#begin} to {@link PhaseScope#end}. Used by that thread only. */
final class PhaseState {
    private final BarrierKey key;
    private final PhaseState outer;
    /**
     * Above 0 while a hooked JDBC call runs on this thread. Calls made inside it pass untouched: a pool wrapper's
     * {@code executeUpdate} calling the driver's, the driver calling itself, and the barrier's own SQL. So the barrier
     * is written once, by the outermost call, whatever wraps the driver.
     */
    int depth;
    /** The connection the outermost hooked call in progress was made on (for its exit). */
    Connection calling;
    /** What the barrier decided; {@code null} until the phase's first statement. */
    PhaseOutcome decision;
    /** The transaction holding the barrier row, until it commits, rolls back or its connection closes. */
    LocalTransaction transaction;
    /** The barrier that wrote the row in {@link #transaction}. */
    Barrier barrier;
    /** A statement of the phase ran on another connection while that transaction was open: unguarded work. */
    boolean workElsewhere;

    PhaseState(BarrierKey key, PhaseState outer) {
        this.key = key;
        this.outer = outer;
    }

    BarrierKey key() {
        return key;
    }

    PhaseState outer() {
        return outer;
    }

    PhaseOutcome finish() {
        if (transaction != null) {
            depth++;
            try {
                barrier.phaseEnded(this);
            } finally {
                depth--;
            }
        }
        return decision == null ? PhaseOutcome.NO_DATABASE_WORK : decision;
    }
}
