package dev.weft.runtime.messaging;

import dev.weft.runtime.jdbc.ConnectionOpener;
import dev.weft.runtime.jdbc.ConnectionOpeners;
import dev.weft.runtime.jdbc.Database;
import dev.weft.runtime.jdbc.OutboxTable;
import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Puts committed outbox rows on their streams right after the commit, on one background thread, so the committing
 * thread never waits for Redis: in one database transaction per batch it takes the rows (deletes them, holding them
 * from the sweep), sends them, and commits. Whatever it cannot relay (Redis down, a crash before the relay) stays in
 * the outbox for {@link OutboxSweeper}.
 *
 * <p>Messages committed while the thread is busy are sent together: under load the relay batches by itself.
 */
final class OutboxRelay implements AutoCloseable {
    private static final int BATCH = 500;

    private final StreamPublisher publisher;
    private final OutboxTable table;
    private final ConnectionOpeners openers;
    private final Function<String, StreamMetrics> metrics;
    private final BlockingQueue<Committed> committed = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::run, "weft-outbox-relay");
    /** Held while a batch is being relayed, so that {@link #drain} can wait for the one in flight. */
    private final ReentrantLock relaying = new ReentrantLock();
    private volatile boolean closed;

    private record Committed(Message message, Database database) {
    }

    OutboxRelay(StreamPublisher publisher, OutboxTable table, ConnectionOpeners openers,
                Function<String, StreamMetrics> metrics) {
        this.publisher = publisher;
        this.table = table;
        this.openers = openers;
        this.metrics = metrics;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Relays what is still queued, on the calling thread, until the queue is empty or {@code within} has passed; for
     * the end of the process, so that a short-lived one does not leave its last messages to another instance's sweep.
     * What it does not get to stays in the outbox, as after a crash.
     */
    void drain(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            if (!relaying.tryLock(within.toNanos(), TimeUnit.NANOSECONDS)) {
                return; // the batch in flight did not finish: its rows stay in the outbox, as after a crash
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            drainQueue(deadline);
        } finally {
            relaying.unlock();
        }
    }

    private void drainQueue(long deadline) {
        List<Committed> batch = new ArrayList<>();
        while (System.nanoTime() < deadline && committed.drainTo(batch, BATCH) > 0) {
            try {
                relay(batch);
            } catch (RuntimeException e) {
                Log.warn("could not relay " + batch.size() + " message(s) at exit (" + e + "); they stay in weft_outbox"
                        + " and the sweep of the next instance to run sends them");
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** On the thread that committed the message's transaction; returns at once. */
    void committed(Message message, Database database) {
        committed.add(new Committed(message, database));
    }

    private void run() {
        List<Committed> batch = new ArrayList<>();
        while (!closed) {
            try {
                Committed first = committed.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                relaying.lock();
                try {
                    batch.add(first);
                    committed.drainTo(batch, BATCH - 1);
                    relay(batch);
                } finally {
                    relaying.unlock();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.warn("the outbox relay failed (" + e + "); the messages stay in weft_outbox and are sent by the"
                        + " sweep");
            } finally {
                batch.clear();
            }
        }
    }

    private void relay(List<Committed> batch) {
        Map<Database, List<Message>> byDatabase = new LinkedHashMap<>();
        for (Committed done : batch) {
            byDatabase.computeIfAbsent(done.database(), database -> new ArrayList<>()).add(done.message());
        }
        byDatabase.forEach(this::relay);
    }

    /**
     * Takes the rows first ({@link OutboxTable#take}), so that a row the sweep got to first (this relay lagging more
     * than its grace) is not sent a second time, and the sweep passes over the rows being sent here.
     */
    private void relay(Database database, List<Message> messages) {
        Optional<ConnectionOpener> opener = openers.openerOf(database);
        if (opener.isEmpty()) {
            publish(publisher, messages, metrics);
            Log.warn("no way to reopen the database of " + messages.size() + " relayed message(s); they stay in"
                    + " weft_outbox and are sent again when the application next opens a connection to it");
            return;
        }
        try (Connection connection = opener.get().open()) {
            connection.setAutoCommit(false);
            try {
                List<Message> taken = table.take(connection, database, messages);
                int sent = publish(publisher, taken, metrics);
                if (sent == taken.size()) {
                    connection.commit();
                    return;
                }
                connection.rollback();
                connection.setAutoCommit(true);
                table.delete(connection, database, taken.subList(0, sent));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            Log.warn("could not relay " + messages.size() + " committed message(s) (" + e + "); they stay in"
                    + " weft_outbox and are sent by the sweep, and consumers with an inbox apply any sent twice once");
        }
    }

    /** Publishes in order; returns how many made it, counting relays and failures per stream. */
    static int publish(StreamPublisher publisher, List<Message> messages, Function<String, StreamMetrics> metrics) {
        int sent = publisher.publishAll(messages);
        for (Message message : messages.subList(0, sent)) {
            metrics.apply(message.stream()).countRelayed(1);
        }
        if (sent < messages.size()) {
            metrics.apply(messages.get(sent).stream()).countRelayFailure();
        }
        return sent;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
