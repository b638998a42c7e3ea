package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The open local transaction Weft follows for a barrier phase or a {@link WorkScope}: the one of the first statement.
 *
 * @param physical the driver's connection under any pool wrapper: what identifies the transaction
 * @param facing   the connection the application used (maybe a pool's proxy); Weft's own calls go through it, so
 *                 that the pool sees them (HikariCP then rolls back and resets it properly when it is closed)
 * @param database the connection's database
 * @param autoCommitOwned the connection was in auto-commit mode, so Weft turned it off: Weft commits this
 *                 transaction when the phase or method ends (or the connection closes) and turns auto-commit back on
 */
record LocalTransaction(Connection physical, Connection facing, Database database, boolean autoCommitOwned) {
    /**
     * Follows the transaction {@code facing}'s next statement runs in; if the connection is in auto-commit mode, Weft
     * turns that off and owns the transaction.
     */
    static LocalTransaction follow(Connection physical, Connection facing, Database database, boolean autoCommit)
            throws SQLException {
        if (autoCommit) {
            facing.setAutoCommit(false);
        }
        return new LocalTransaction(physical, facing, database, autoCommit);
    }

    /** Whether {@code connection} (or what it wraps) is this transaction's connection. */
    boolean isOn(Connection connection) {
        return Connections.physical(connection) == physical;
    }

    /** The application turned auto-commit off itself: the transaction is its own now, to commit or roll back. */
    LocalTransaction ownedByApplication() {
        return new LocalTransaction(physical, facing, database, false);
    }

    /**
     * Commits a transaction Weft owns and turns auto-commit back on.
     *
     * @return {@code null} once committed, else why it did not commit (it is rolled back then, auto-commit on again)
     */
    String commitOwned() {
        if (Connections.isClosed(facing)) {
            // Closed by something Weft did not see (a close it sees commits first): the driver ended the
            // transaction, and the databases Weft knows roll back an open transaction when its connection goes
            return "its connection was closed without Weft seeing it, so its auto-commit transaction rolled back";
        }
        try {
            facing.commit();
        } catch (SQLException | RuntimeException e) {
            abandonOwned();
            return "its auto-commit transaction failed to commit (" + e + ")";
        }
        Connections.autoCommitQuietly(facing);
        return null;
    }

    /** Rolls back a transaction Weft owns and turns auto-commit back on; failures are only logged. */
    void abandonOwned() {
        Connections.rollbackQuietly(facing);
        Connections.autoCommitQuietly(facing);
    }
}
