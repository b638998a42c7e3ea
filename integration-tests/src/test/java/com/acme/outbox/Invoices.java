package com.acme.outbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An invoicing service whose published message is what its method returns ({@code payload: "{return}"}).
 * {@code Invoices <url> <n>}: issues n invoices on one open auto-commit connection, then one more on a connection it
 * closes before returning; prints {@code REFUSED <error>} or {@code ISSUED}, then {@code INVOICES <rows> <sum>}, and
 * waits for a line on stdin before it exits.
 */
public final class Invoices {
    private final String url;
    private final Connection connection;

    private Invoices(String url) throws SQLException {
        this.url = url;
        this.connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS invoices (number BIGINT PRIMARY KEY, amount BIGINT)");
        }
    }

    public static void main(String[] args) throws Exception {
        Invoices invoices = new Invoices(args[0]);
        int count = Integer.parseInt(args[1]);
        for (int number = 1; number <= count; number++) {
            invoices.issue(number, number * 100L);
        }
        try {
            invoices.issueAlone(count + 1, 1L);
            System.out.println("ISSUED");
        } catch (RuntimeException refused) {
            System.out.println("REFUSED " + refused.getMessage());
        }
        System.out.println("INVOICES " + invoices.summary());
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /** Published under Weft with {return}: the connection stays open, so Weft commits after the method returns. */
    public Invoice issue(long number, long amount) throws SQLException {
        insert(connection, number, amount);
        return new Invoice(number, amount);
    }

    /** Published under Weft with {return}, but the connection's close commits before the value is known. */
    public Invoice issueAlone(long number, long amount) throws SQLException {
        try (Connection own = DriverManager.getConnection(url)) {
            insert(own, number, amount);
        }
        return new Invoice(number, amount);
    }

    private static void insert(Connection c, long number, long amount) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO invoices (number, amount) VALUES (?, ?)")) {
            insert.setLong(1, number);
            insert.setLong(2, amount);
            insert.executeUpdate();
        }
    }

    private String summary() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM invoices")) {
            rs.next();
            return rs.getLong(1) + " " + rs.getLong(2);
        }
    }

    public record Invoice(long number, long amount) {
    }
}
