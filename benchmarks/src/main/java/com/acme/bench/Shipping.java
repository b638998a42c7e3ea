package com.acme.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The consumer of the outbox rows: records a shipment per order it is told of, in its own database, with when the
 * order was placed and when it was shipped (this method's time, inside the transaction that commits it).
 */
public class Shipping {
    private final String url;

    public Shipping(String url) {
        this.url = url;
    }

    public void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS shipments (order_id BIGINT, placed_us BIGINT, shipped_us BIGINT)");
        }
    }

    /** Consumed under Weft ({@code messages.consume}). */
    public void onOrder(Order order) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO shipments (order_id, placed_us, shipped_us) VALUES (?, ?, ?)")) {
            insert.setLong(1, order.id());
            insert.setLong(2, order.placedAtMicros());
            insert.setLong(3, Order.nowMicros());
            insert.executeUpdate();
        }
    }
}
