package dev.weft.runtime.notification;

import dev.weft.runtime.jdbc.DatabaseProduct;
import dev.weft.runtime.txlog.jdbc.LogDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded calls in table {@code weft_notification} of the transaction log's database
 * ({@code transactions.log.type: jdbc}): one row per call, {@code due_ms} set while it is pending and {@code dead_ms}
 * once it is a dead letter. Each operation is one short local transaction; claims take due rows with
 * {@code FOR UPDATE SKIP LOCKED} (H2 2, PostgreSQL 9.5+, MySQL 8, MariaDB 10.6+), so instances never wait for each
 * other's claims. As durable as the database's commit.
 */
public final class JdbcNotificationStore implements NotificationStore {
    static final String TABLE = "weft_notification";
    private static final String PENDING = " AND dead_ms IS NULL";

    private final LogDatabase database;

    /** @param database opened with {@link #setUp} as its set-up */
    public JdbcNotificationStore(LogDatabase database) {
        this.database = database;
    }

    /** Creates the table when it is missing ({@code jdbc.createTable}). */
    public static void setUp(Connection connection, DatabaseProduct product) throws SQLException {
        String text = switch (product) {
            case H2 -> "CLOB";
            case POSTGRESQL -> "TEXT";
            case MYSQL -> "LONGTEXT";
        };
        String create = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(200) NOT NULL PRIMARY KEY, call_json "
                + text + " NOT NULL, due_ms BIGINT, token VARCHAR(100), attempts INT NOT NULL, lease_ms BIGINT NOT"
                + " NULL, last_error VARCHAR(1000), dead_ms BIGINT";
        List<String> ddl = product == DatabaseProduct.MYSQL ? List.of(create + ", KEY weft_notification_due (due_ms))")
                : List.of(create + ")", "CREATE INDEX IF NOT EXISTS weft_notification_due ON " + TABLE + " (due_ms)");
        for (String statement : ddl) {
            update(connection, statement);
        }
    }

    @Override
    public void record(NotificationCall call, String token, long dueMillis, long leaseMillis) {
        database.run("recording notification \"" + call.id() + "\"", (c, product) -> {
            update(c, "DELETE FROM " + TABLE + " WHERE id = ?", call.id());
            return update(c, "INSERT INTO " + TABLE + " (id, call_json, due_ms, token, attempts, lease_ms, last_error,"
                    + " dead_ms) VALUES (?, ?, ?, ?, 1, ?, '', NULL)", call.id(), CallJson.write(call), dueMillis,
                    token, leaseMillis);
        });
    }

    @Override
    public boolean extend(String id, String token, long dueMillis) {
        return database.run("extending the hold on notification \"" + id + "\"", (c, product) -> update(c, "UPDATE "
                + TABLE + " SET due_ms = ? WHERE id = ? AND token = ?" + PENDING, dueMillis, id, token)) == 1;
    }

    @Override
    public boolean succeeded(String id, String token) {
        return database.run("removing notification \"" + id + "\"", (c, product) -> update(c, "DELETE FROM " + TABLE
                + " WHERE id = ? AND token = ?" + PENDING, id, token)) == 1;
    }

    @Override
    public boolean retryAt(String id, String token, long dueMillis, long leaseMillis, String error) {
        return database.run("rescheduling notification \"" + id + "\"", (c, product) -> update(c, "UPDATE " + TABLE
                + " SET due_ms = ?, lease_ms = ?, last_error = ? WHERE id = ? AND token = ?" + PENDING, dueMillis,
                leaseMillis, StateText.oneLine(error), id, token)) == 1;
    }

    @Override
    public boolean deadLetter(String id, String token, int attempts, long nowMillis, String error) {
        return database.run("dead-lettering notification \"" + id + "\"", (c, product) -> update(c, "UPDATE " + TABLE
                + " SET due_ms = NULL, token = NULL, dead_ms = ?, attempts = ?, last_error = ? WHERE id = ? AND"
                + " token = ?" + PENDING, nowMillis, attempts, StateText.oneLine(error), id, token)) == 1;
    }

    @Override
    public List<Claim> claimDue(long nowMillis, int count) {
        String prefix = UUID.randomUUID().toString();
        return database.run("claiming due notifications", (c, product) -> {
            List<Claim> claimed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, call_json, attempts, lease_ms, last_error"
                    + " FROM " + TABLE + " WHERE due_ms <= ? ORDER BY due_ms LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setLong(1, nowMillis);
                select.setInt(2, count);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String token = prefix + ":" + (claimed.size() + 1);
                        claimed.add(new Claim(CallJson.read(rows.getString(2)), rows.getInt(3) + 1, token,
                                rows.getString(5) == null ? "" : rows.getString(5)));
                        update(c, "UPDATE " + TABLE + " SET token = ?, attempts = attempts + 1, due_ms = ? WHERE"
                                + " id = ?", token, nowMillis + rows.getLong(4), rows.getString(1));
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public Optional<NotificationCall> find(String id) {
        return database.run("reading notification \"" + id + "\"", (c, product) -> {
            try (PreparedStatement select = c.prepareStatement("SELECT call_json FROM " + TABLE + " WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(CallJson.read(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public long pending() {
        return count("dead_ms IS NULL");
    }

    @Override
    public long dead() {
        return count("dead_ms IS NOT NULL");
    }

    private long count(String condition) {
        return database.run("counting notifications", (c, product) -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE "
                    + condition); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return database.run("listing dead notifications", (c, product) -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, call_json, attempts, dead_ms, last_error"
                    + " FROM " + TABLE + " WHERE dead_ms IS NOT NULL ORDER BY dead_ms");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(rows.getString(1), CallJson.read(rows.getString(2)).method(),
                            rows.getInt(3), rows.getLong(4), rows.getString(5)));
                }
            }
            return letters;
        });
    }

    @Override
    public boolean replay(String id, long nowMillis, long leaseMillis) {
        return database.run("replaying notification \"" + id + "\"", (c, product) -> update(c, "UPDATE " + TABLE
                + " SET dead_ms = NULL, due_ms = ?, attempts = 0, lease_ms = ?, token = 'replayed', last_error ="
                + " 'replayed by an operator' WHERE id = ? AND dead_ms IS NOT NULL", nowMillis, leaseMillis, id)) == 1;
    }

    @Override
    public boolean discard(String id) {
        return database.run("discarding notification \"" + id + "\"", (c, product) -> update(c, "DELETE FROM " + TABLE
                + " WHERE id = ? AND dead_ms IS NOT NULL", id)) == 1;
    }

    @Override
    public String describe() {
        return TABLE + " in " + database.describe();
    }

    @Override
    public void close() {
        database.close();
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
