package com.acme.bankdemo;

import dev.weft.testkit.LedgerDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bank's accounts in a database shared by every copy of the bank: {@code account(id, balance, frozen, incoming)}.
 * Money a debit's try froze has left the balance but not yet the bank (confirm lets it go, cancel gives it back); money
 * a credit's try announced is {@code incoming} (confirm adds it to the balance, cancel drops it).
 */
public final class Ledger extends LedgerDatabase {
    public static final int ACCOUNTS = 10;
    public static final long OPENING_BALANCE = 1000;

    public Ledger(String url) {
        super(url, "sa", "");
    }

    public static String account(int index) {
        return "acc-" + index;
    }

    /** Creates the table and opens the accounts, once, before any bank opens. */
    public void open() throws SQLException {
        setUp(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("CREATE TABLE account (id VARCHAR(16) PRIMARY KEY, balance BIGINT NOT NULL,"
                        + " frozen BIGINT NOT NULL, incoming BIGINT NOT NULL)");
                for (int i = 0; i < ACCOUNTS; i++) {
                    statement.execute("INSERT INTO account VALUES ('" + account(i) + "', " + OPENING_BALANCE
                            + ", 0, 0)");
                }
            }
        });
    }

    /** Sum of the balances, of the frozen money and of the incoming money. */
    public long[] totals() throws SQLException {
        try (Connection c = connect(); Statement statement = c.createStatement();
             ResultSet result = statement.executeQuery("SELECT SUM(balance), SUM(frozen), SUM(incoming) FROM account")) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2), result.getLong(3)};
        }
    }
}
