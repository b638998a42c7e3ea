package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;

/** Small things done to connections on the barrier's (and XA's) behalf. */
public final class Connections {
    /** Deep enough for any stack of wrappers seen in practice (a tracing proxy over a pool proxy over the driver). */
    private static final int MAX_WRAPPERS = 8;

    private Connections() {
    }

    /**
     * The driver's own connection under pool and tracing wrappers, through the standard {@code unwrap}: HikariCP's
     * proxy returns the connection it wraps. A wrapper that answers with itself is taken as it is.
     */
    public static Connection physical(Connection connection) {
        Connection current = connection;
        for (int i = 0; i < MAX_WRAPPERS; i++) {
            Connection inner;
            try {
                inner = current.unwrap(Connection.class);
            } catch (SQLException | RuntimeException e) {
                return current;
            }
            if (inner == null || inner == current) {
                return current;
            }
            current = inner;
        }
        return current;
    }

    /** Whether the connection is closed; one that cannot even answer is taken as closed. */
    static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /** Whether the connection is in auto-commit mode; one that cannot even answer is taken as in it. */
    static boolean autoCommits(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /** Rolls back when something already went wrong; a second failure is only logged, the first one matters. */
    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            Log.warn("weft: rollback after a barrier failure failed too: " + e);
        }
    }

    static void autoCommitQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            Log.warn("weft: could not turn auto-commit back on after a phase: " + e);
        }
    }

    /** Rethrows a checked exception (an {@link SQLException} for a JDBC method that declares it) undeclared. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
