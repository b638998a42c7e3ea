package com.acme.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The order service of the outbox rows: one long-lived JDBC connection in auto-commit mode, one insert per order,
 * no transaction code and no messaging code. Under Weft, {@code messages.publish} on {@link #place} makes the insert
 * and the message one transaction.
 */
public class Orders implements AutoCloseable {
    static final String TABLE = "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, placed_us BIGINT)";
    static final String INSERT = "INSERT INTO orders (id, placed_us) VALUES (?, ?)";

    private final Connection connection;

    public Orders(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute(TABLE);
        }
    }

    public void place(Order order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, order.id());
            insert.setLong(2, order.placedAtMicros());
            insert.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
