package dev.weft.runtime.jdbc;

import java.sql.Connection;

/**
 * The open local transaction that holds a phase's barrier row.
 *
 * @param physical the driver's connection under any pool wrapper: what identifies the transaction
 * @param facing   the connection the application used (maybe a pool's proxy); Weft's own calls go through it, so
 *                 that the pool sees them (HikariCP then rolls back and resets it properly when it is closed)
 * @param barrier  that wrote the row
 * @param database the connection's database
 * @param autoCommitOwned the connection was in auto-commit mode, so Weft turned it off for the phase: Weft commits
 *                 this transaction when the phase ends (or the connection closes) and turns auto-commit back on
 */
record BarrierTransaction(Connection physical, Connection facing, Barrier barrier, Database database,
                          boolean autoCommitOwned) {
    /** Whether {@code connection} (or what it wraps) is this transaction's connection. */
    boolean isOn(Connection connection) {
        return Connections.physical(connection) == physical;
    }

    /** The application turned auto-commit off itself: the transaction is its own now, to commit or roll back. */
    BarrierTransaction ownedByApplication() {
        return new BarrierTransaction(physical, facing, barrier, database, false);
    }
}
