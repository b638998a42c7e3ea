package com.acme.xa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Two databases (H2 at {@code -Dxa.h2}, PostgreSQL at {@code -Dxa.pg}), each behind a HikariCP pool, one account in
 * each. {@code run <n> <failEvery>}: n transfers of 10 from alice (H2) to bob (PostgreSQL), every failEvery-th failing
 * after the debit; prints {@code BALANCES alice bob}. {@code check}: waits until neither database holds a prepared
 * transaction (a restart's recovery), then prints the balances.
 */
public final class XaBankApp {
    private XaBankApp() {
    }

    public static void main(String[] args) throws Exception {
        try (HikariDataSource h2 = pool(System.getProperty("xa.h2"), "sa", "");
             HikariDataSource pg = pool(System.getProperty("xa.pg"), "postgres", "postgres")) {
            createAccount(h2, "alice");
            createAccount(pg, "bob");
            if (args[0].equals("run")) {
                run(new TransferService(h2, pg), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            } else {
                awaitNoPrepared(h2, pg);
            }
            System.out.println("BALANCES " + balance(h2, "alice") + " " + balance(pg, "bob"));
        }
    }

    private static void run(TransferService service, int transfers, int failEvery) throws SQLException {
        int failed = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= transfers; i++) {
            try {
                service.move(10, failEvery > 0 && i % failEvery == 0);
            } catch (IllegalStateException expected) {
                failed++;
            }
        }
        System.out.println("TRANSFERS " + transfers + " FAILED " + failed + " IN "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Polls a condition (recovery has nothing to tell the application), up to a minute. */
    private static void awaitNoPrepared(HikariDataSource h2, HikariDataSource pg) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (count(h2, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.IN_DOUBT") > 0
                || count(pg, "SELECT COUNT(*) FROM pg_prepared_xacts WHERE database = current_database()") > 0) {
            if (Instant.now().isAfter(giveUp)) {
                System.out.println("STILL IN DOUBT");
                return;
            }
            Thread.sleep(100);
        }
        System.out.println("NOTHING IN DOUBT");
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void createAccount(HikariDataSource database, String id) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS account (id VARCHAR(20) PRIMARY KEY, balance BIGINT)");
            try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM account WHERE id = '" + id + "'")) {
                row.next();
                if (row.getLong(1) == 0) {
                    statement.execute("INSERT INTO account VALUES ('" + id + "', 1000)");
                }
            }
        }
    }

    private static long balance(HikariDataSource database, String id) throws SQLException {
        return count(database, "SELECT balance FROM account WHERE id = '" + id + "'");
    }

    private static long count(HikariDataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
