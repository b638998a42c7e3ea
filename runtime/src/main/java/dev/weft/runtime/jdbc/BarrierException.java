package dev.weft.runtime.jdbc;

import java.sql.SQLException;

/**
 * The barrier could not guard a phase, so the phase's statement did not run: an unsupported database, a missing
 * table, a transaction it must not commit, or the same barrier row being written by a concurrent phase. Unlike
 * {@link PhaseSkippedException} this is a failure; the phase's outcome is {@link PhaseOutcome#ROLLED_BACK}.
 */
public final class BarrierException extends SQLException {
    /** A concurrent phase holds the row: SQLSTATE 40001, so frameworks that retry transactions retry this one. */
    static final String BUSY = "40001";
    private static final String NOT_GUARDED = "WB002";

    BarrierException(String message) {
        super("weft: " + message, NOT_GUARDED);
    }

    BarrierException(String message, String sqlState, Throwable cause) {
        super("weft: " + message, sqlState, cause);
    }
}
