package com.acme.bankdemo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bank's accounts in a database shared by every copy of the bank: {@code account(id, balance, frozen, incoming)}.
 * Money a debit's try froze has left the balance but not yet the bank (confirm lets it go, cancel gives it back); money
 * a credit's try announced is {@code incoming} (confirm adds it to the balance, cancel drops it). Every phase is one
 * local transaction on a connection of its own, and nothing here is idempotent.
 */
public final class Ledger {
    public static final int ACCOUNTS = 10;
    public static final long OPENING_BALANCE = 1000;

    private final String url;

    public Ledger(String url) {
        this.url = url;
    }

    /** The work of one phase; an SQLException or a RuntimeException rolls it back. */
    interface Work {
        void run(Connection c) throws SQLException;
    }

    public static String account(int index) {
        return "acc-" + index;
    }

    /** Creates the table and opens the accounts, once, before any bank opens. */
    public void open() throws SQLException {
        try (Connection c = connect(); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE account (id VARCHAR(16) PRIMARY KEY, balance BIGINT NOT NULL,"
                    + " frozen BIGINT NOT NULL, incoming BIGINT NOT NULL)");
            for (int i = 0; i < ACCOUNTS; i++) {
                statement.execute("INSERT INTO account VALUES ('" + account(i) + "', " + OPENING_BALANCE + ", 0, 0)");
            }
        }
    }

    /** Runs {@code work} in one local transaction of its own. */
    void inTransaction(Work work) {
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

    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    /** Sum of the balances, of the frozen money and of the incoming money. */
    public long[] totals() throws SQLException {
        try (Connection c = connect(); Statement statement = c.createStatement();
             ResultSet result = statement.executeQuery("SELECT SUM(balance), SUM(frozen), SUM(incoming) FROM account")) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2), result.getLong(3)};
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
