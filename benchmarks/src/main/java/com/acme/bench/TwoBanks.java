package com.acme.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The XA rows' application code: a transfer between two databases, each side committed on its own, as code written
 * without XA does. Run as it is, a failure between the two commits creates or destroys money; named in
 * {@code xa.global}, Weft makes the two commits one XA transaction.
 */
public class TwoBanks {
    private final DataSource first;
    private final DataSource second;

    public TwoBanks(DataSource first, DataSource second) {
        this.first = first;
        this.second = second;
    }

    /** Moves 1 from {@code account} in the first bank to the same account in the second. */
    public void move(long account) throws SQLException {
        try (Connection from = first.getConnection(); Connection to = second.getConnection()) {
            add(from, account, -1);
            add(to, account, 1);
        }
    }

    private static void add(Connection connection, long account, long amount) throws SQLException {
        connection.setAutoCommit(false);
        update(connection, account, amount);
        connection.commit();
    }

    /** The statement every implementation of the transfer runs on each side. */
    static void update(Connection connection, long account, long amount) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE account SET balance = balance + ? WHERE id = ?")) {
            update.setLong(1, amount);
            update.setLong(2, account);
            update.executeUpdate();
        }
    }
}
