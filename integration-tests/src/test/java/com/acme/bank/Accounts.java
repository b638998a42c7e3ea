package com.acme.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A TCC participant written the naive way, as the barrier means to allow: plain JDBC, one local transaction per
 * phase, and no idempotence of its own. Account {@code A}: try moves {@code amount} from balance to frozen, confirm
 * from frozen to paid, cancel from frozen back to balance. Each phase also appends its name to {@code journal}, so a
 * test can see which phases really ran and in what order.
 */
public final class Accounts {
    /** Where connections come from: HikariCP or the driver itself. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource db;

    public Accounts(ConnectionSource db) {
        this.db = db;
    }

    public void tryDebit(String xid, int amount) throws SQLException {
        inTransaction(c -> {
            move(c, "balance = balance - ?, frozen = frozen + ?", amount);
            journal(c, xid, "TRY");
        });
    }

    public void confirmDebit(String xid, int amount) throws SQLException {
        inTransaction(c -> {
            move(c, "frozen = frozen - ?, paid = paid + ?", amount);
            journal(c, xid, "CONFIRM");
        });
    }

    public void cancelDebit(String xid, int amount) throws SQLException {
        inTransaction(c -> {
            move(c, "frozen = frozen - ?, balance = balance + ?", amount);
            journal(c, xid, "CANCEL");
        });
    }

    /** Freezes, then fails before committing: its transaction rolls back. */
    public void tryDebitThatFails(String xid, int amount) throws SQLException {
        inTransaction(c -> {
            move(c, "balance = balance - ?, frozen = frozen + ?", amount);
            journal(c, xid, "TRY");
            throw new IllegalStateException("the try fails after its statements");
        });
    }

    /** Freezes and commits, then throws: its work stays in the database. */
    public void tryDebitThatCommitsThenThrows(String xid, int amount) throws SQLException {
        tryDebit(xid, amount);
        throw new IllegalStateException("the try fails after its commit");
    }

    /** The confirm in auto-commit mode, each statement on its own; {@code failLast} makes its last one fail. */
    public void confirmDebitAutoCommit(String xid, int amount, boolean failLast) throws SQLException {
        try (Connection c = db.open()) {
            c.setAutoCommit(true);
            move(c, "frozen = frozen - ?, paid = paid + ?", amount);
            journal(c, failLast ? null : xid, "CONFIRM"); // a null xid breaks the journal's NOT NULL
        }
    }

    /** A confirm that swallows the failure of its first statement and carries on, then commits. */
    public void confirmDebitIgnoringErrors(String xid, int amount) throws SQLException {
        inTransaction(c -> {
            try {
                move(c, "frozen = frozen - ?, paid = paid + ?", amount);
            } catch (SQLException ignored) {
                // the kind of code the barrier must survive: its later statements must not change data either
            }
            journal(c, xid, "CONFIRM");
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void move(Connection c, String assignments, int amount) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET " + assignments + " WHERE id = 'A'")) {
            update.setInt(1, amount);
            update.setInt(2, amount);
            update.executeUpdate();
        }
    }

    private static void journal(Connection c, String xid, String phase) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO journal (xid, phase) VALUES (?, ?)")) {
            insert.setString(1, xid);
            insert.setString(2, phase);
            insert.executeUpdate();
        }
    }
}
