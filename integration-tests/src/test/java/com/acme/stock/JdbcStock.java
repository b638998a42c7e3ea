package com.acme.stock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC on the caller's connection, auto-commit off; the caller commits after this returns. */
public class JdbcStock {
    public void decrement(Connection connection, long id) throws SQLException {
        long quantity;
        try (PreparedStatement read = connection.prepareStatement("SELECT quantity FROM stock WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                quantity = row.getLong(1);
            }
        }
        StockRows.work();
        try (PreparedStatement write = connection.prepareStatement("UPDATE stock SET quantity = ? WHERE id = ?")) {
            write.setLong(1, quantity - 1);
            write.setLong(2, id);
            write.executeUpdate();
        }
    }
}
