package com.acme.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The same order service with an outbox written by hand, as a team without Weft would: its own transaction holds the
 * order and the message row, in table {@code outbox} of the same shape as {@code weft_outbox}; a polling relay
 * (the benchmark's {@code HandWrittenRelay}) sends the rows on. The message's fields are Weft's (id, JSON payload,
 * creation time), so that the same consumer reads both.
 */
public class HandWrittenOrders implements AutoCloseable {
    public static final String OUTBOX = "CREATE TABLE IF NOT EXISTS outbox (stream VARCHAR(200) NOT NULL,"
            + " message_id VARCHAR(200) NOT NULL, payload CLOB NOT NULL, created_ms BIGINT NOT NULL,"
            + " attempts INT DEFAULT 0 NOT NULL, PRIMARY KEY (stream, message_id))";
    private static final String OUTBOX_INDEX = "CREATE INDEX IF NOT EXISTS outbox_created ON outbox (created_ms)";

    private final Connection connection;
    private final String stream;

    public HandWrittenOrders(String url, String stream) throws SQLException {
        this.connection = DriverManager.getConnection(url);
        this.stream = stream;
        try (Statement s = connection.createStatement()) {
            s.execute(Orders.TABLE);
            s.execute(OUTBOX);
            s.execute(OUTBOX_INDEX);
        }
        connection.setAutoCommit(false);
    }

    public void place(Order order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(Orders.INSERT);
             PreparedStatement message = connection.prepareStatement(
                     "INSERT INTO outbox (stream, message_id, payload, created_ms) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, order.id());
            insert.setLong(2, order.placedAtMicros());
            insert.executeUpdate();
            message.setString(1, stream);
            message.setString(2, UUID.randomUUID().toString());
            message.setString(3, "{\"id\":" + order.id() + ",\"placedAtMicros\":" + order.placedAtMicros() + "}");
            message.setLong(4, System.currentTimeMillis());
            message.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
