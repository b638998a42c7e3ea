package dev.weft.runtime.jdbc;

import java.sql.SQLException;

/**
 * Thrown by a statement (or {@code commit}) of a phase that the barrier skips, so that ordinary JDBC code stops and
 * rolls back. It is an {@link SQLException} because that is what such code is written to handle. Caught and
 * ignored, it changes nothing: every later statement of the phase throws it again.
 */
public final class PhaseSkippedException extends SQLException {
    /** Implementation-defined SQLSTATE class (not 40, which frameworks read as "retry the transaction"). */
    static final String SQL_STATE = "WB001";

    private final transient BarrierKey key;
    private final PhaseOutcome outcome;

    PhaseSkippedException(BarrierKey key, PhaseOutcome outcome) {
        super("weft: " + key + " " + reason(outcome) + "; its database work is skipped", SQL_STATE);
        this.key = key;
        this.outcome = outcome;
    }

    public BarrierKey key() {
        return key;
    }

    /** {@link PhaseOutcome#ALREADY_DONE}, {@link PhaseOutcome#EMPTY_ROLLBACK} or {@link PhaseOutcome#REFUSED}. */
    public PhaseOutcome outcome() {
        return outcome;
    }

    private static String reason(PhaseOutcome outcome) {
        return switch (outcome) {
            case ALREADY_DONE -> "already ran";
            case EMPTY_ROLLBACK -> "came before its try (empty rollback)";
            case REFUSED -> "came after its cancel and is refused";
            default -> throw new IllegalArgumentException(outcome + " does not skip a phase");
        };
    }
}
