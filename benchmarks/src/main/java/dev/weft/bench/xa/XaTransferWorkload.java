package dev.weft.bench.xa;

import com.acme.bench.HandWiredXaBanks;
import com.acme.bench.TwoBanks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.weft.bench.load.Workload;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xa-transfer <transfer> <firstUrl> <secondUrl> <objectStore>}: each thread moves 1 between its own account in
 * two H2 databases, so callers do not wait for each other's row locks. {@link XaTransfer#TWO_COMMITS} and
 * {@link XaTransfer#WEFT} run {@link TwoBanks} over two HikariCP pools (Weft's agent, when attached, makes each call
 * one XA transaction); {@link XaTransfer#HAND_WIRED} runs {@link HandWiredXaBanks}. At the end the money across both
 * databases must still be zero.
 */
public final class XaTransferWorkload implements Workload {
    private final XaTransfer transfer;
    private final String firstUrl;
    private final String secondUrl;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final TwoBanks banks;
    private final HandWiredXaBanks handWired;

    public XaTransferWorkload(List<String> args) {
        transfer = XaTransfer.valueOf(args.get(0));
        firstUrl = args.get(1);
        secondUrl = args.get(2);
        if (transfer == XaTransfer.HAND_WIRED) {
            banks = null;
            handWired = new HandWiredXaBanks(Path.of(args.get(3)));
        } else {
            banks = new TwoBanks(pool(firstUrl), pool(secondUrl));
            handWired = null;
        }
    }

    private HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(16);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    @Override
    public synchronized Action forThread(int thread) {
        try {
            openAccount(firstUrl, thread);
            openAccount(secondUrl, thread);
            if (handWired != null) {
                HandWiredXaBanks.Caller caller = handWired.caller(firstUrl, secondUrl);
                return () -> caller.move(thread);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open account " + thread, e);
        }
        return () -> banks.move(thread);
    }

    private static void openAccount(String url, int account) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL)");
            statement.execute("MERGE INTO account KEY (id) VALUES (" + account + ", 0)");
        }
    }

    @Override
    public void close() throws SQLException {
        pools.forEach(HikariDataSource::close);
        long total = total(firstUrl) + total(secondUrl);
        if (total != 0) {
            throw new IllegalStateException("money was created or destroyed: the two banks sum to " + total);
        }
    }

    private static long total(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet sum = statement.executeQuery("SELECT COALESCE(SUM(balance), 0) FROM account")) {
            sum.next();
            return sum.getLong(1);
        }
    }
}
