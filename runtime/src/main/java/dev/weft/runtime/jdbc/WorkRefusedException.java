package dev.weft.runtime.jdbc;

import java.sql.SQLException;

/**
 * Thrown by {@link TransactionWork#beforeCommit} when its rows cannot be written for a reason no retry fixes (the
 * method's code or config must change); its message says what to change, and reaches the caller as it is.
 */
public final class WorkRefusedException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final String whatToChange;

    public WorkRefusedException(String whatToChange) {
        super("weft: " + whatToChange);
        this.whatToChange = whatToChange;
    }

    String whatToChange() {
        return whatToChange;
    }
}
