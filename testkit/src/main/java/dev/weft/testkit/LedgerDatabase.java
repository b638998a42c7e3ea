package dev.weft.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database a sample application (of the integration tests or the demo) keeps its books in. Each phase of a
 * transfer opens a connection of its own and runs one local transaction, naively: nothing here is idempotent, which
 * is what the JDBC barrier has to make safe. Subclasses own their tables and what the books mean.
 */
public class LedgerDatabase {
    private final String url;
    private final String user;
    private final String password;

    /** The work of one phase; an SQLException or a RuntimeException rolls it back. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    protected LedgerDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Runs {@code work} in one local transaction of its own. Failures come out wrapped, as a framework would wrap
     * them: TCC must not depend on seeing the barrier's own exception.
     */
    public void inTransaction(Work work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database work failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code statements} in auto-commit mode: creating the tables and opening the accounts. */
    protected void setUp(Work statements) throws SQLException {
        try (Connection c = connect()) {
            statements.run(c);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE with these parameters; the number of rows it changed. */
    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    /** The first column of the first row of {@code sql}, on a connection of its own. */
    protected long single(String sql) throws SQLException {
        try (Connection c = connect(); Statement statement = c.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
