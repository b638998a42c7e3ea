package com.acme.handoff;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A TCC participant: every phase writes a row to its H2 database ({@code $STOCK_DB}), in the order they ran. */
public class StockService {
    private static final String URL = System.getenv("STOCK_DB");

    public String reserve(String id) {
        return record("reserve " + id, id);
    }

    public String confirmReserve(String id) {
        return record("confirm " + id, id);
    }

    public String cancelReserve(String id) {
        return record("cancel " + id, id);
    }

    static void createTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL)) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS journal(n IDENTITY, entry VARCHAR(64))");
        }
    }

    static List<String> journal() throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(URL);
             ResultSet rows = connection.createStatement().executeQuery("SELECT entry FROM journal ORDER BY n")) {
            while (rows.next()) {
                entries.add(rows.getString(1));
            }
        }
        return entries;
    }

    private static String record(String entry, String id) {
        try (Connection connection = DriverManager.getConnection(URL);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO journal(entry) VALUES (?)")) {
            insert.setString(1, entry);
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
