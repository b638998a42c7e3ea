package dev.weft.runtime.jdbc;

import dev.weft.api.WeftException;

/**
 * Weft could not write its rows (outbox message, inbox marker) into the method's transaction, or could not commit
 * that transaction: nothing of the method's work on that transaction is committed by Weft, and the method fails with
 * this exception instead of returning, so that a transaction manager around it rolls back too.
 */
public final class WorkNotRecordedException extends WeftException {
    private static final long serialVersionUID = 1L;

    WorkNotRecordedException(String message, Throwable cause) {
        super("weft: " + message, cause);
    }
}
