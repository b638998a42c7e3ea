package dev.weft.runtime.jdbc;

import dev.weft.runtime.messaging.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Table {@code weft_outbox}, the local message table: a publish method's message is inserted in the method's own
 * transaction, relayed to its stream after the commit, and deleted once relayed. Keyed by {@code (stream,
 * message_id)}: an id is user-given and may repeat across streams. Publishing an id again while its row still waits
 * adds nothing (consumers would drop the second as a duplicate anyway). Every statement runs {@link Untraced}, in the
 * caller's transaction.
 */
public final class OutboxTable {
    static final String TABLE = "weft_outbox";
    private static final String COLUMNS = "stream, message_id, payload, created_ms, attempts";
    private static final String KEY = "stream = ? AND message_id = ?";

    private final WeftTable table;

    /** @param createTable {@code jdbc.createTable}: create the table when missing, else fail naming the DDL */
    public OutboxTable(boolean createTable) {
        this.table = new WeftTable(TABLE, "the outbox", OutboxTable::ddl, createTable);
    }

    private static List<String> ddl(Dialect dialect) {
        String payload = switch (dialect) {
            case H2 -> "CLOB";
            case POSTGRESQL -> "TEXT";
            case MYSQL -> "LONGTEXT";
        };
        String create = "CREATE TABLE IF NOT EXISTS " + TABLE + " (stream VARCHAR(200) NOT NULL,"
                + " message_id VARCHAR(200) NOT NULL, payload " + payload + " NOT NULL, created_ms BIGINT NOT NULL,"
                + " attempts INT DEFAULT 0 NOT NULL, PRIMARY KEY (stream, message_id)";
        return dialect == Dialect.MYSQL ? List.of(create + ", KEY weft_outbox_created (created_ms))")
                : List.of(create + ")", "CREATE INDEX IF NOT EXISTS weft_outbox_created ON " + TABLE + " (created_ms)");
    }

    /** Adds nothing to a row that exists: the first message with the id is the one relayed. */
    private static String insertSql(Dialect dialect) {
        return switch (dialect) {
            case H2 -> "MERGE INTO " + TABLE + " t USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)),"
                    + " CAST(? AS CLOB), CAST(? AS BIGINT))) s(stream, message_id, payload, created_ms)"
                    + " ON t.stream = s.stream AND t.message_id = s.message_id WHEN NOT MATCHED THEN INSERT ("
                    + COLUMNS + ") VALUES (s.stream, s.message_id, s.payload, s.created_ms, 0)";
            case POSTGRESQL -> "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, 0)"
                    + " ON CONFLICT DO NOTHING";
            case MYSQL -> "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, 0)"
                    + " ON DUPLICATE KEY UPDATE stream = stream";
        };
    }

    /**
     * Makes sure the table exists; for {@link TransactionWork#prepare}, while the method's transaction is still empty
     * (creating it later would commit that transaction on H2 and MySQL, so it then fails with the DDL to run).
     */
    public void ensure(Connection c, Database db) throws SQLException {
        Untraced.run(() -> {
            table.ensure(db, c);
            return null;
        });
    }

    public void insert(Connection c, Database db, Message m) throws SQLException {
        ensure(c, db);
        Untraced.run(() -> {
            try (PreparedStatement insert = c.prepareStatement(insertSql(db.dialect()))) {
                insert.setString(1, m.stream());
                insert.setString(2, m.id());
                insert.setString(3, m.payload());
                insert.setLong(4, m.createdAtMillis());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * Claims up to {@code limit} rows created before {@code createdBeforeMillis} (epoch milliseconds), oldest first,
     * without blocking other pollers: {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL 9.5+, MySQL 8, MariaDB
     * 10.6+, H2 2), so rows another poller's open transaction holds are passed over, not waited for. Runs in the
     * caller's transaction, which must not be in auto-commit mode: the rows stay claimed until it ends, and the caller
     * {@link #delete}s the ones it relayed before committing. Each claimed row's {@code attempts} goes up by one.
     *
     * @throws SQLException also when {@code c} is in auto-commit mode (the claim would end at once)
     */
    public List<Message> claim(Connection c, Database db, int limit, long createdBeforeMillis) throws SQLException {
        if (c.getAutoCommit()) {
            throw new SQLException("weft: claim outbox rows in a transaction (setAutoCommit(false)): in auto-commit"
                    + " mode the rows would be free for other pollers again at once");
        }
        ensure(c, db);
        return Untraced.run(() -> {
            List<Message> claimed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT stream, message_id, payload, created_ms FROM "
                    + TABLE + " WHERE created_ms < ? ORDER BY created_ms LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setLong(1, createdBeforeMillis);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new Message(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4)));
                    }
                }
            }
            byKey(c, "UPDATE " + TABLE + " SET attempts = attempts + 1 WHERE " + KEY, claimed);
            return claimed;
        });
    }

    /**
     * Takes the rows of {@code messages} for the caller to send: deletes them in the caller's transaction, which must
     * not be in auto-commit mode, waiting for a row another poller has claimed until that poller's transaction ends.
     * Returns, in order, the messages whose row was still there: another poller has not sent them, and none will
     * while the caller's transaction is open. Committing it after sending them is the delete; rolling it back leaves
     * them for the next poller.
     */
    public List<Message> take(Connection c, Database db, List<Message> messages) throws SQLException {
        if (c.getAutoCommit()) {
            throw new SQLException("weft: take outbox rows in a transaction (setAutoCommit(false)): in auto-commit"
                    + " mode they would be deleted before they are sent");
        }
        ensure(c, db);
        return Untraced.run(() -> {
            int[] deleted = byKey(c, "DELETE FROM " + TABLE + " WHERE " + KEY, messages);
            List<Message> taken = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                // a driver that does not count per statement may answer SUCCESS_NO_INFO: send it (at least once)
                if (deleted[i] != 0) {
                    taken.add(messages.get(i));
                }
            }
            return taken;
        });
    }

    /** Deletes the rows of messages relayed, in the caller's transaction. */
    public void delete(Connection c, Database db, List<Message> sent) throws SQLException {
        ensure(c, db);
        Untraced.run(() -> {
            byKey(c, "DELETE FROM " + TABLE + " WHERE " + KEY, sent);
            return null;
        });
    }

    /** Rows waiting to be relayed. */
    public long backlog(Connection c, Database db) throws SQLException {
        ensure(c, db);
        return Untraced.run(() -> single(c, "SELECT COUNT(*) FROM " + TABLE));
    }

    /** How long the oldest waiting row has waited, 0 when none waits. */
    public long oldestAgeMillis(Connection c, Database db, long nowMillis) throws SQLException {
        ensure(c, db);
        return Untraced.run(() -> {
            try (PreparedStatement query = c.prepareStatement("SELECT MIN(created_ms) FROM " + TABLE);
                 ResultSet result = query.executeQuery()) {
                result.next(); // MIN always answers one row, NULL for an empty table
                long oldest = result.getLong(1);
                return result.wasNull() ? 0 : Math.max(0, nowMillis - oldest);
            }
        });
    }

    /** @return the update count of each message's statement */
    private static int[] byKey(Connection c, String sql, List<Message> messages) throws SQLException {
        if (messages.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (Message message : messages) {
                statement.setString(1, message.stream());
                statement.setString(2, message.id());
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
