package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Table {@code weft_inbox}: one row per consumer group and message id, written in the consumer method's own
 * transaction, so a redelivered message has no second effect. Rows older than {@code jdbc.retention} are swept.
 * Every statement runs {@link Untraced}.
 */
public final class InboxTable {
    static final String TABLE = "weft_inbox";
    /** SQLSTATE of a unique-key violation (H2, PostgreSQL). */
    private static final String DUPLICATE_KEY = "23505";
    /** MySQL's and MariaDB's ER_DUP_ENTRY (their SQLSTATE, 23000, covers every integrity violation). */
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;

    private final WeftTable table;
    private final LongSupplier clock;
    private final Retention retention;

    /**
     * @param createTable {@code jdbc.createTable}
     * @param retention   {@code jdbc.retention}: a redelivery later than this is no longer recognised
     */
    public InboxTable(boolean createTable, Duration retention, LongSupplier clock) {
        this.table = new WeftTable(TABLE, "consumers", InboxTable::ddl, createTable);
        this.clock = clock;
        this.retention = new Retention(retention, clock, TABLE, "DELETE FROM " + TABLE + " WHERE consumed_ms < ?");
    }

    private static List<String> ddl(Dialect dialect) {
        String create = "CREATE TABLE IF NOT EXISTS " + TABLE + " (consumer_group VARCHAR(200) NOT NULL,"
                + " message_id VARCHAR(200) NOT NULL, consumed_ms BIGINT NOT NULL,"
                + " PRIMARY KEY (consumer_group, message_id)";
        return dialect == Dialect.MYSQL ? List.of(create + ", KEY weft_inbox_consumed (consumed_ms))")
                : List.of(create + ")", "CREATE INDEX IF NOT EXISTS weft_inbox_consumed ON " + TABLE + " (consumed_ms)");
    }

    /** As {@link OutboxTable#ensure}: for {@link TransactionWork#prepare}. */
    public void ensure(Connection c, Database db) throws SQLException {
        Untraced.run(() -> {
            table.ensure(db, c);
            return null;
        });
    }

    /**
     * Records that {@code group} consumed {@code messageId}, in the caller's transaction.
     *
     * @throws AlreadyConsumedException when the row exists (or, on H2, a concurrent transaction has just written it);
     *     on PostgreSQL the transaction is then aborted and can only roll back
     */
    public void record(Connection c, Database db, String group, String messageId) throws SQLException {
        ensure(c, db);
        Untraced.run(() -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                    + " (consumer_group, message_id, consumed_ms) VALUES (?, ?, ?)")) {
                insert.setString(1, group);
                insert.setString(2, messageId);
                insert.setLong(3, clock.getAsLong());
                return insert.executeUpdate();
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    throw new AlreadyConsumedException(group, messageId, e);
                }
                throw e;
            }
        });
    }

    /**
     * Deletes rows older than {@code jdbc.retention}, at most once an hour per database and JVM, on a connection that
     * holds no other work (the poller's own); never throws, a failure is logged.
     */
    public void sweep(Connection c, Database db) {
        retention.afterCommit(db, c);
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (DUPLICATE_KEY.equals(next.getSQLState()) || next.getErrorCode() == MYSQL_DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
