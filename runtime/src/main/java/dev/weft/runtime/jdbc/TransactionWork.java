package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What Weft adds to the local transaction of one woven method ({@link WorkScope}): the outbox message of a publish
 * method, the inbox row of a consumer. For a scope that ran statements exactly one of {@link #committed()} and
 * {@link #rolledBack()} is called, once: before {@link WorkScope#end} returns, or later when the transaction the
 * application owns ends ({@link WorkOutcome#PENDING}).
 */
public interface TransactionWork {
    /**
     * Before the method's first statement on the connection it follows, in that connection's state then (still in
     * auto-commit mode if it was): the moment to make sure Weft's table exists, since creating it later would commit
     * the open transaction on H2 and MySQL. Throwing keeps the statement from running.
     */
    default void prepare(Connection connection, Database database) throws SQLException {
    }

    /**
     * Right after {@link #prepare}, once the transaction is followed (auto-commit off): the first work inside it,
     * before the method's first statement. Throwing keeps that statement from running; a transaction Weft owns is
     * then rolled back.
     */
    default void begun(Connection connection, Database database) throws SQLException {
    }

    /**
     * Writes Weft's rows (outbox message, inbox marker) into the transaction; throwing keeps it from committing:
     * for the application's own commit() inside the method, the commit throws SQLException and does not happen.
     */
    void beforeCommit(Connection connection, Database database) throws SQLException;

    /**
     * After that transaction committed, on the committing thread (also when Spring/JTA/the app commits it after the
     * method returned). Must not throw.
     */
    void committed();

    /**
     * The transaction ended without committing (rollback, close, failed commit), or Weft's rows were never written
     * into it (the method threw, or {@link #beforeCommit} failed). Must not throw.
     */
    void rolledBack();
}
