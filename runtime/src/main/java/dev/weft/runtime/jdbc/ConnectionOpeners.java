package dev.weft.runtime.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the application opens connections to the databases that {@link WorkScope}s followed, so that Weft's background
 * work can open its own later (docs: the outbox poller), with no credentials in {@code weft.yaml}.
 *
 * <p>Every {@code DataSource.getConnection} and {@code Driver.connect} that returns is remembered as the last opening
 * on its thread (the outermost one: a pool's {@code getConnection} that opens a physical connection through its
 * driver is remembered as the pool). When a scope follows a connection's first statement, that thread's last opening
 * becomes the opener of the connection's database. This is a heuristic, with limits:
 * <ul>
 *   <li>A connection opened on another thread than the one running the method (handed over) leaves the opener of
 *       whatever that thread opened last, or none.</li>
 *   <li>A thread that opens connections to two databases and then writes to the first may record the second's opener;
 *       {@link ConnectionOpener#open()} checks the database it reaches (URL and user) and fails rather than
 *       hand out a connection to the wrong one.</li>
 *   <li>A connection made without either method (a driver's own API) is not seen.</li>
 * </ul>
 */
public final class ConnectionOpeners {
    private static final ConnectionOpeners RECORDED = new ConnectionOpeners();

    private final ThreadLocal<ConnectionOpener> lastOnThread = new ThreadLocal<>();
    private final Map<Database, ConnectionOpener> byDatabase = new ConcurrentHashMap<>();

    ConnectionOpeners() {
    }

    /** The openers of this JVM, fed by the JDBC hooks. */
    public static ConnectionOpeners recorded() {
        return RECORDED;
    }

    /** After {@code source} ({@code Driver} or {@code DataSource}) returned a connection for {@code arguments}. */
    void opened(Object source, Object[] arguments) {
        ConnectionOpener last = lastOnThread.get();
        if (last == null || !last.sameAs(source, arguments)) {
            lastOnThread.set(ConnectionOpener.of(source, arguments));
        }
    }

    /** A scope on this thread follows a connection to {@code database}. */
    void followed(Database database) {
        ConnectionOpener last = lastOnThread.get();
        if (last == null) {
            return;
        }
        ConnectionOpener opener = last.opening(database);
        if (!opener.sameAs(byDatabase.get(database))) {
            byDatabase.put(database, opener);
        }
    }

    /** How to open a connection to {@code database}, if a scope followed one whose opening was seen. */
    public Optional<ConnectionOpener> openerOf(Database database) {
        return Optional.ofNullable(byDatabase.get(database));
    }

    /** How to open a connection to the database of that {@link Database#fingerprint()}, if this JVM has one. */
    public Optional<ConnectionOpener> openerOf(String fingerprint) {
        return byDatabase.entrySet().stream().filter(seen -> seen.getKey().fingerprint().equals(fingerprint))
                .map(Map.Entry::getValue).findFirst();
    }

    /** One opener per database seen so far. */
    public List<ConnectionOpener> all() {
        return List.copyOf(byDatabase.values());
    }
}
