package dev.weft.bench.outbox;

import com.acme.bench.HandWrittenOrders;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The relay of the hand-written outbox ({@code com.acme.bench.HandWrittenOrders}), as a careful team would write it
 * with Lettuce: every {@value #POLL_MILLIS} ms it selects the waiting rows oldest first, {@code XADD}s them all
 * pipelined on one connection (Weft's fields and {@code MAXLEN ~}, so the same consumer reads them), deletes them
 * in one batch and commits; a full batch is followed by the next at once, so a backlog drains without waiting.
 */
final class HandWrittenRelay implements AutoCloseable {
    static final long POLL_MILLIS = 100;
    private static final int BATCH = 500;
    private static final long MAX_LEN = 1_000_000;
    private static final long REPLY_TIMEOUT_MILLIS = 5_000;

    private final Connection database;
    private final RedisClient client;
    private final RedisAsyncCommands<String, String> redis;
    private final String streamKey;
    private final Thread thread = new Thread(this::run, "hand-written-outbox-relay");
    /** Counted down by close(): ends the poll's pause without interrupting (H2 closes its files on an interrupt). */
    private final CountDownLatch closed = new CountDownLatch(1);

    HandWrittenRelay(String jdbcUrl, String redisUri, String streamKey) throws SQLException {
        this.database = DriverManager.getConnection(jdbcUrl);
        try (Statement ddl = database.createStatement()) {
            ddl.execute(HandWrittenOrders.OUTBOX); // its first poll may come before the service's first connection
        }
        database.setAutoCommit(false);
        this.client = RedisClient.create(redisUri);
        StatefulRedisConnection<String, String> connection = client.connect();
        this.redis = connection.async();
        this.streamKey = streamKey;
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            do {
                try {
                    while (relayBatch() == BATCH) {
                        // a backlog: the next batch at once
                    }
                } catch (Exception e) {
                    System.err.println("hand-written relay failed, retrying: " + e);
                }
            } while (!closed.await(POLL_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int relayBatch() throws Exception {
        Map<List<String>, Map<String, String>> rows = new LinkedHashMap<>(); // by (stream, message_id)
        try (PreparedStatement select = database.prepareStatement("SELECT stream, message_id, payload, created_ms"
                + " FROM outbox ORDER BY created_ms LIMIT " + BATCH);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.put(List.of(row.getString(1), row.getString(2)), Map.of("id", row.getString(2),
                        "payload", row.getString(3), "createdAt", Long.toString(row.getLong(4))));
            }
        }
        if (rows.isEmpty()) {
            database.rollback();
            return 0;
        }
        XAddArgs cap = new XAddArgs().maxlen(MAX_LEN).approximateTrimming();
        List<RedisFuture<String>> replies = new ArrayList<>(rows.size());
        rows.values().forEach(fields -> replies.add(redis.xadd(streamKey, cap, fields)));
        for (RedisFuture<String> reply : replies) {
            reply.get(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
        try (PreparedStatement delete = database.prepareStatement(
                "DELETE FROM outbox WHERE stream = ? AND message_id = ?")) {
            for (List<String> key : rows.keySet()) {
                delete.setString(1, key.get(0));
                delete.setString(2, key.get(1));
                delete.addBatch();
            }
            delete.executeBatch();
        }
        database.commit();
        return rows.size();
    }

    /** Stops polling, then relays what is left, as a graceful shutdown would: the consumer waits for every order. */
    @Override
    public void close() throws Exception {
        closed.countDown();
        thread.join();
        while (relayBatch() == BATCH) {
            // the rest of a backlog
        }
        client.shutdown();
        database.close();
    }
}
