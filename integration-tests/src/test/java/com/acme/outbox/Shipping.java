package com.acme.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer: records a shipment per order or sale it is told of, in its own database.
 * {@code -Dshipping.holdAfter=n}: the n-th call prints {@code HOLDING <id>} after its insert and never returns, the
 * window in which a crash leaves a message handled but not acknowledged.
 */
public final class Shipping {
    private static final int HOLD_AFTER = Integer.getInteger("shipping.holdAfter", 0);

    private final String url;
    private final AtomicInteger calls = new AtomicInteger();

    public Shipping(String url) {
        this.url = url;
    }

    public void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS shipments (order_id BIGINT, amount BIGINT)");
        }
    }

    /** Consumed under Weft (messages.consume); no primary key on purpose: a second delivery would show. */
    public void onOrder(Order order) throws SQLException {
        ship(order.id(), order.amount());
    }

    /** Consumed under Weft from apps/spring-stock's sales; the amount shipped is the quantity sold. */
    public void onSale(Sale sale) throws SQLException {
        ship(sale.id(), sale.quantity());
    }

    private void ship(long orderId, long amount) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement("INSERT INTO shipments (order_id, amount) VALUES (?, ?)")) {
            insert.setLong(1, orderId);
            insert.setLong(2, amount);
            insert.executeUpdate();
            if (calls.incrementAndGet() == HOLD_AFTER) {
                System.out.println("HOLDING " + orderId);
                new CountDownLatch(1).await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code shipments distinctOrders sumOfAmounts} */
    public String summary() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT order_id), COALESCE(SUM(amount), 0)"
                     + " FROM shipments")) {
            rs.next();
            return rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3);
        }
    }
}
