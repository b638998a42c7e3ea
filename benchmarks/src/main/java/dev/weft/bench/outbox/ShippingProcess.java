package dev.weft.bench.outbox;

import com.acme.bench.Shipping;
import dev.weft.bench.load.Histogram;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The consumer JVM of the outbox rows: {@code ShippingProcess <jdbcUrl>}, with the agent consuming the orders into
 * {@link Shipping#onOrder}. Prints {@code READY}; then, on {@code REPORT <fromMicros> <toMicros> <expected>
 * <drainMillis>}, waits until {@code expected} shipments are recorded or {@code drainMillis} passed, and prints
 * {@code SHIPPED <shipped in the window> <shipments> <distinct orders> <lag histogram>}: the lag (shipped - placed)
 * of the orders placed in the window, in nanoseconds. The window is by the wall clock, in microseconds.
 */
public final class ShippingProcess {
    /** Kept reachable: Weft calls the consumer method on a live instance. */
    private static Shipping shipping;

    private ShippingProcess() {
    }

    public static void main(String[] args) throws Exception {
        shipping = new Shipping(args[0]);
        shipping.createTable();
        // Held open for the whole run, so that the consumer's short-lived connections never close the database.
        try (Connection connection = DriverManager.getConnection(args[0])) {
            System.out.println("READY");
            String[] report = awaitReport();
            long from = Long.parseLong(report[1]);
            long to = Long.parseLong(report[2]);
            long deadline = System.nanoTime() + Long.parseLong(report[4]) * 1_000_000;
            while (count(connection, "SELECT COUNT(*) FROM shipments") < Long.parseLong(report[3])
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.println("SHIPPED " + shippedBetween(connection, from, to) + " " + totals(connection) + " "
                    + lagOfPlacedBetween(connection, from, to).encode());
            System.out.flush();
        }
        System.exit(0);
    }

    private static String[] awaitReport() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("REPORT ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("standard input closed before REPORT");
    }

    private static long shippedBetween(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT COUNT(*) FROM shipments WHERE shipped_us >= ? AND shipped_us < ?")) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Histogram lagOfPlacedBetween(Connection c, long from, long to) throws SQLException {
        Histogram lag = new Histogram();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT shipped_us - placed_us FROM shipments WHERE placed_us >= ? AND placed_us < ?")) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lag.record(rows.getLong(1) * 1_000);
                }
            }
        }
        return lag;
    }

    /** {@code <shipments> <distinct orders>}, read together while the consumer may still be adding. */
    private static String totals(Connection c) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM shipments");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) + " " + row.getLong(2);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
