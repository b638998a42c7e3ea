package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.txlog.TransactionLogException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few connections to the log's database, each used by one operation at a time. The log's operations are short, so
 * a handful serves many threads. A connection whose operation failed is closed rather than returned, and so are the
 * idle ones, which most likely died with it (the database restarted, the network dropped): the next borrowers open
 * fresh ones, so one failed operation, not one per pooled connection, is what a restart costs.
 */
final class LogConnections implements AutoCloseable {
    static final int SIZE = 4;
    /** A borrower waits at most this long for one of the {@link #SIZE} connections to be free. */
    private static final long BORROW_WAIT_SECONDS = 2L * ConnectProperties.TIMEOUT_SECONDS;

    private final LogDriver driver;
    private final String url;
    private final Properties properties;
    private final String shown;
    private final Semaphore permits = new Semaphore(SIZE, true);
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    LogConnections(LogDriver driver, String url, Properties properties, String shown) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
        this.shown = shown;
    }

    /** A connection with auto-commit off and READ COMMITTED; give it back with {@link #release}. */
    Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(BORROW_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new TransactionLogException(shown + ": all " + SIZE + " connections of the transaction log were"
                        + " busy for " + BORROW_WAIT_SECONDS + "s; the database answers too slowly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionLogException(shown + ": interrupted while waiting for a connection", e);
        }
        try {
            Connection pooled = takeIdle();
            return pooled != null ? pooled : open();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** @param broken the connection's last operation failed: it and the idle ones are closed */
    void release(Connection connection, boolean broken) {
        try {
            if (broken) {
                closeQuietly(connection);
                closeIdle();
            } else if (!giveBack(connection)) {
                closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    private synchronized Connection takeIdle() {
        if (closed) {
            throw new TransactionLogException(shown + ": the transaction log is closed");
        }
        return idle.pollFirst();
    }

    private synchronized boolean giveBack(Connection connection) {
        if (closed) {
            return false;
        }
        idle.addFirst(connection);
        return true;
    }

    private Connection open() throws SQLException {
        Driver accepting = driver.get();
        Connection connection = accepting.connect(url, properties);
        if (connection == null) {
            // the driver accepted the URL when it was found; a null now means it changed its mind
            throw new SQLException("the driver " + accepting.getClass().getName() + " does not accept the URL");
        }
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // it is being dropped because it is unusable or unwanted; nothing more to do with it
        }
    }

    private void closeIdle() {
        Connection[] open;
        synchronized (this) {
            open = idle.toArray(Connection[]::new);
            idle.clear();
        }
        for (Connection connection : open) {
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeIdle();
    }
}
