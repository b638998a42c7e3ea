package dev.weft.runtime.messaging;

import dev.weft.runtime.jdbc.ConnectionOpener;
import dev.weft.runtime.jdbc.ConnectionOpeners;
import dev.weft.runtime.jdbc.OutboxTable;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RepeatedWarning;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends what the relay left in {@code weft_outbox}: rows of a process that crashed between its commit and the relay,
 * and rows committed while Redis was down. Every instance sweeps; each claims its rows without blocking the others
 * ({@code FOR UPDATE SKIP LOCKED}), so a row is normally sent by one of them.
 *
 * <p>Only rows older than {@link #GRACE} are taken, leaving fresh ones to the relay. Should both reach a row, the one
 * that holds it first sends it and the other finds it gone ({@link OutboxTable#take}): the sweep skips rows a relay
 * holds, and a relay waits for rows the sweep holds.
 * After a failed sweep the next waits twice as long, up to {@link #LONGEST_PAUSE}: a Redis that comes back is not
 * flooded by every instance at once, and each sweep sends at most {@link #BATCH} rows per database.
 */
final class OutboxSweeper implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final int BATCH = 500;

    private final StreamPublisher publisher;
    private final OutboxTable table;
    private final ConnectionOpeners openers;
    private final Function<String, StreamMetrics> metrics;
    private final RepeatedWarning failing = new RepeatedWarning();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "weft-outbox-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long backlog;
    private volatile long oldestAgeMillis;
    private Duration pause = PAUSE;

    OutboxSweeper(StreamPublisher publisher, OutboxTable table, ConnectionOpeners openers,
                  Function<String, StreamMetrics> metrics) {
        this.publisher = publisher;
        this.table = table;
        this.openers = openers;
        this.metrics = metrics;
    }

    void start() {
        timer.schedule(this::sweepAndReschedule, PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Rows waiting in the outboxes this process knows, as of the last sweep. */
    long backlog() {
        return backlog;
    }

    /** Age of the oldest of them, as of the last sweep; 0 when there are none. */
    long oldestAgeMillis() {
        return oldestAgeMillis;
    }

    private void sweepAndReschedule() {
        try {
            sweepAll();
            pause = PAUSE;
        } catch (SQLException | RuntimeException e) {
            failing.log("the outbox sweep failed (" + e + "); retrying in " + pause.toSeconds() + "s, the messages"
                    + " stay in weft_outbox meanwhile");
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        } finally {
            if (!timer.isShutdown()) {
                timer.schedule(this::sweepAndReschedule, pause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Sweeps every database once. */
    void sweepAll() throws SQLException {
        long waiting = 0;
        long oldest = 0;
        long now = System.currentTimeMillis();
        for (ConnectionOpener opener : openers.all()) {
            try (Connection connection = opener.open()) {
                sweep(opener, connection, now);
                waiting += table.backlog(connection, opener.database());
                oldest = Math.max(oldest, table.oldestAgeMillis(connection, opener.database(), now));
            }
        }
        backlog = waiting;
        oldestAgeMillis = oldest;
    }

    private void sweep(ConnectionOpener opener, Connection connection, long now) throws SQLException {
        connection.setAutoCommit(false);
        try {
            List<Message> claimed = table.claim(connection, opener.database(), BATCH, now - GRACE.toMillis());
            if (claimed.isEmpty()) {
                connection.commit();
                return;
            }
            int sent = OutboxRelay.publish(publisher, claimed, metrics);
            table.delete(connection, opener.database(), claimed.subList(0, sent));
            connection.commit();
            if (sent > 0) {
                Log.info("sent " + sent + " message(s) left in weft_outbox");
            }
            if (sent < claimed.size()) {
                throw new SQLException("Redis took " + sent + " of " + claimed.size() + " messages");
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            Log.debug("rolling back an outbox sweep: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
