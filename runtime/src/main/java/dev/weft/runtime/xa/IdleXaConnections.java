package dev.weft.runtime.xa;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.XAConnection;

/**
 * The XA connections Weft opened, kept between transactions: opening one costs a login (and on H2 a session) per
 * database and transaction, which made eight callers run at half the speed of Narayana wired by hand. A connection is
 * given back only after its transaction ended cleanly; one idle for longer than {@link #TRUSTED_IDLE_NANOS} is checked
 * before it is used again, as HikariCP does.
 */
final class IdleXaConnections {
    /** More than the callers of one database at once in most applications; the rest are closed. */
    private static final int MAX_IDLE_PER_DATABASE = 16;
    private static final long TRUSTED_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final Map<XaDatabase, Deque<Idle>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An idle connection to {@code database} that is fit to use, or null when there is none. */
    XAConnection take(XaDatabase database) {
        Deque<Idle> connections = idle.get(database);
        if (connections == null) {
            return null;
        }
        while (true) {
            Idle candidate;
            synchronized (connections) {
                candidate = connections.pollFirst();
            }
            if (candidate == null) {
                return null;
            }
            if (System.nanoTime() - candidate.since <= TRUSTED_IDLE_NANOS
                    || XaConnections.isValid(candidate.xa, VALIDATION_TIMEOUT_SECONDS)) {
                return candidate.xa;
            }
            XaConnections.closeQuietly(candidate.xa, database);
        }
    }

    /** {@code xa}'s transaction ended cleanly: it may serve the next one. */
    void giveBack(XaDatabase database, XAConnection xa) {
        Deque<Idle> connections = idle.computeIfAbsent(database, key -> new ArrayDeque<>());
        boolean kept = false;
        synchronized (connections) {
            if (!closed && connections.size() < MAX_IDLE_PER_DATABASE) {
                connections.addFirst(new Idle(xa, System.nanoTime())); // the most recent first: the least likely stale
                kept = true;
            }
        }
        if (!kept) {
            XaConnections.closeQuietly(xa, database);
        }
    }

    /** At exit: nothing is given back after this. */
    void close() {
        closed = true;
        idle.forEach((database, connections) -> {
            synchronized (connections) {
                connections.forEach(connection -> XaConnections.closeQuietly(connection.xa, database));
                connections.clear();
            }
        });
    }

    private record Idle(XAConnection xa, long since) {
    }
}
