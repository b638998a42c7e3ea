package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.jdbc.PhaseScope;
import dev.weft.runtime.jdbc.Untraced;
import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs each operation of the log as one short local transaction on a pooled connection: committed when the work
 * returns, rolled back when it throws. Durable means committed, so an operation is as durable as the database's
 * commit.
 *
 * <p>The work runs with this thread's TCC phases suspended: the log may be written from inside a try body (an HTTP
 * call that carries the transaction), on connections of a driver the JDBC barrier has woven, and the barrier must
 * leave Weft's own statements alone; and {@link Untraced}, so that they make no spans in the application's traces.
 */
final class LocalTransactions implements AutoCloseable {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final LogConnections connections;
    private final String described;
    private final Work<?> setUpWork;
    private volatile boolean setUpDone;

    /** @param setUp runs once, as the first operation: by {@link #setUp()}, or else before the first {@link #run} */
    LocalTransactions(LogConnections connections, String described, Work<?> setUp) {
        this.connections = connections;
        this.described = described;
        this.setUpWork = setUp;
    }

    /** @throws TransactionLogException as {@link #run}; then the next operation tries the set-up again */
    void setUp() {
        if (!setUpDone) {
            synchronized (this) {
                if (!setUpDone) {
                    execute("creating its tables", setUpWork);
                    setUpDone = true;
                }
            }
        }
    }

    /**
     * @param operation what is being done, for the message when it fails
     * @throws TransactionLogException when the database cannot be reached or the work fails; the operation may or may
     *     not have happened
     */
    <T> T run(String operation, Work<T> work) {
        setUp();
        return execute(operation, work);
    }

    private <T> T execute(String operation, Work<T> work) {
        return Untraced.run(() -> executeSuspended(operation, work));
    }

    private <T> T executeSuspended(String operation, Work<T> work) {
        try (PhaseScope.Suspension ignored = PhaseScope.suspend()) {
            Connection connection;
            try {
                connection = connections.borrow();
            } catch (SQLException e) {
                throw unreachable(e);
            }
            boolean broken = true;
            try {
                T result = work.run(connection);
                connection.commit();
                broken = false;
                return result;
            } catch (SQLException e) {
                throw new TransactionLogException(described + ": " + operation + " failed (" + e + ", SQLState "
                        + e.getSQLState() + "); it may or may not have happened. Check that the database is up and"
                        + " answers within " + ConnectProperties.TIMEOUT_SECONDS + "s", e);
            } finally {
                if (broken) {
                    rollbackQuietly(connection);
                }
                connections.release(connection, broken);
            }
        }
    }

    private TransactionLogException unreachable(SQLException e) {
        String state = e.getSQLState();
        String advice = state != null && state.startsWith("28")
                ? "the database refused the credentials: check transactions.log.user and password (the password may"
                + " come from the environment, password: ${WEFT_DB_PASSWORD})"
                : "check that the database runs and can be reached from this host, and that transactions.log.user"
                + " may connect";
        return new TransactionLogException("cannot connect to " + described + " (" + e + ", SQLState " + state + "): "
                + advice, e);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is closed right after; the database drops what it held
        }
    }

    @Override
    public void close() {
        try (PhaseScope.Suspension ignored = PhaseScope.suspend()) {
            connections.close();
        }
    }
}
