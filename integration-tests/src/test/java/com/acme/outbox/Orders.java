package com.acme.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The order service: one long-lived JDBC connection in auto-commit mode, no transaction code, no messaging code.
 * A rejected order fails after its insert, while the connection is still open. For crash tests,
 * {@code -Dorders.holdBefore=<id>} and {@code -Dorders.holdInside=<id>} make the placing of that order print
 * {@code HOLDING <id>} before its insert, or after it, and wait for a line on stdin.
 */
public final class Orders implements AutoCloseable {
    private static final long HOLD_BEFORE = Long.getLong("orders.holdBefore", 0);
    private static final long HOLD_INSIDE = Long.getLong("orders.holdInside", 0);

    private final Connection connection;

    public Orders(String url) throws SQLException {
        this.connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, sku VARCHAR(40), amount BIGINT)");
        }
    }

    /** Published under Weft (messages.publish): the message exists exactly when the order row does. */
    public void place(Order order) throws SQLException {
        holdIf(order.id() == HOLD_BEFORE, order);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO orders (id, sku, amount) VALUES (?, ?, ?)")) {
            insert.setLong(1, order.id());
            insert.setString(2, order.sku());
            insert.setLong(3, order.amount());
            insert.executeUpdate();
        }
        holdIf(order.id() == HOLD_INSIDE, order);
        if (order.rejected()) {
            throw new IllegalStateException("order " + order.id() + " rejected after its insert");
        }
    }

    private static void holdIf(boolean hold, Order order) {
        if (hold) {
            System.out.println("HOLDING " + order.id());
            try {
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code rows sumOfAmounts} */
    String summary() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM orders")) {
            rs.next();
            return rs.getLong(1) + " " + rs.getLong(2);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
