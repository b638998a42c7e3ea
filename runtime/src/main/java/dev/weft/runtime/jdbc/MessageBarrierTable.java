package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Table {@code weft_msg_barrier}: one row per prepared message whose transaction ran, keyed by {@code (stream,
 * message_id)}, saying how it ended (docs/transactional-messages.md). The method's transaction inserts
 * {@link #COMMITTED} first thing; a check-back inserts {@link #ROLLED_BACK}. The primary key decides between them:
 * the check-back's insert waits for a transaction that holds the key, and fails if it committed; a transaction whose
 * insert comes after the check-back's fails, and rolls back. So a message is published exactly when its transaction
 * committed. Every statement runs {@link Untraced}.
 */
public final class MessageBarrierTable {
    public static final String COMMITTED = "committed";
    public static final String ROLLED_BACK = "rolled_back";
    static final String TABLE = "weft_msg_barrier";

    private final WeftTable table;

    /** @param createTable {@code jdbc.createTable}: create the table when missing, else fail naming the DDL */
    public MessageBarrierTable(boolean createTable) {
        this.table = new WeftTable(TABLE, "transactional messages", MessageBarrierTable::ddl, createTable);
    }

    private static List<String> ddl(Dialect dialect) {
        String create = "CREATE TABLE IF NOT EXISTS " + TABLE + " (stream VARCHAR(200) NOT NULL,"
                + " message_id VARCHAR(200) NOT NULL, outcome VARCHAR(16) NOT NULL, created_ms BIGINT NOT NULL,"
                + " PRIMARY KEY (stream, message_id)";
        return dialect == Dialect.MYSQL ? List.of(create + ", KEY weft_msg_barrier_created (created_ms))")
                : List.of(create + ")",
                "CREATE INDEX IF NOT EXISTS weft_msg_barrier_created ON " + TABLE + " (created_ms)");
    }

    /** For {@link TransactionWork#prepare}, while the method's transaction is still empty. */
    public void ensure(Connection c, Database db) throws SQLException {
        Untraced.run(() -> {
            table.ensure(db, c);
            return null;
        });
    }

    /**
     * In the method's transaction, before its own statements: the message's transaction ran here.
     *
     * @throws WorkRefusedException when a check-back already ruled that this transaction rolled back
     */
    public void recordCommit(Connection c, Database db, String stream, String messageId) throws SQLException {
        ensure(c, db);
        try {
            insert(c, stream, messageId, COMMITTED);
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                throw new WorkRefusedException("prepared message \"" + messageId + "\" of stream " + stream
                        + " already has its row in weft_msg_barrier: a transaction with this message id committed"
                        + " before, or the message was already checked back and ruled rolled back (its transaction"
                        + " began more than checkAfter after it was prepared); this transaction cannot commit. Give"
                        + " each message its own id, or raise checkAfter above the time the method takes");
            }
            throw e;
        }
    }

    /**
     * The check-back, on a connection of its own in auto-commit mode: inserts a rollback marker unless the
     * transaction's row is there, waiting up to {@code timeoutSeconds} for a transaction that holds it, and returns
     * the outcome that stands: {@link #COMMITTED} or {@link #ROLLED_BACK}.
     *
     * @throws SQLException also when the wait ran out: the transaction is still open; ask again later
     */
    public String decide(Connection c, Database db, String stream, String messageId, int timeoutSeconds)
            throws SQLException {
        ensure(c, db);
        return Untraced.run(() -> {
            try (PreparedStatement insert = insertStatement(c, stream, messageId, ROLLED_BACK)) {
                insert.setQueryTimeout(timeoutSeconds);
                insert.executeUpdate();
                return ROLLED_BACK;
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT outcome FROM " + TABLE
                    + " WHERE stream = ? AND message_id = ?")) {
                select.setString(1, stream);
                select.setString(2, messageId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("weft: the row of prepared message \"" + messageId + "\" vanished"
                                + " while it was checked back; it is checked again");
                    }
                    return row.getString(1);
                }
            }
        });
    }

    /** Deletes rows older than {@code cutoffMillis}: their messages were resolved long ago. */
    public int deleteOlderThan(Connection c, Database db, long cutoffMillis) throws SQLException {
        ensure(c, db);
        return Untraced.run(() -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE created_ms < ?")) {
                delete.setLong(1, cutoffMillis);
                return delete.executeUpdate();
            }
        });
    }

    private static void insert(Connection c, String stream, String messageId, String outcome) throws SQLException {
        Untraced.run(() -> {
            try (PreparedStatement insert = insertStatement(c, stream, messageId, outcome)) {
                return insert.executeUpdate();
            }
        });
    }

    private static PreparedStatement insertStatement(Connection c, String stream, String messageId, String outcome)
            throws SQLException {
        PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                + " (stream, message_id, outcome, created_ms) VALUES (?, ?, ?, ?)");
        insert.setString(1, stream);
        insert.setString(2, messageId);
        insert.setString(3, outcome);
        insert.setLong(4, System.currentTimeMillis());
        return insert;
    }

    /** SQLState class 23, integrity constraint violation: H2 and PostgreSQL say 23505, MySQL 23000. */
    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
