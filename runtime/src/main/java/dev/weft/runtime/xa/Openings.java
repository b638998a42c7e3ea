package dev.weft.runtime.xa;

import java.sql.Connection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How each of the application's physical connections was opened, in memory only: a pool's connections are opened on
 * its own threads, long before a method asks for one, so every {@code Driver.connect} and XA-capable
 * {@code DataSource.getConnection} is remembered against the connection it returned (weakly: a connection the pool
 * drops is forgotten). The latest source of each database is kept too, for recovery after a restart.
 */
final class Openings {
    private final Map<Connection, ConnectionSource> byConnection = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<XaDatabase, ConnectionSource> byDatabase = new ConcurrentHashMap<>();
    private volatile Consumer<XaDatabase> firstSeen = database -> { };

    /** {@code listener} is told the first time a database's source is known in this run (recovery can reach it). */
    void whenFirstSeen(Consumer<XaDatabase> listener) {
        firstSeen = listener;
    }

    void opened(Connection physical, ConnectionSource source) {
        byConnection.put(physical, source);
        if (byDatabase.put(source.database(), source) == null) {
            firstSeen.accept(source.database());
        }
    }

    Optional<ConnectionSource> of(Connection physical) {
        return Optional.ofNullable(byConnection.get(physical));
    }

    Optional<ConnectionSource> of(XaDatabase database) {
        return Optional.ofNullable(byDatabase.get(database));
    }
}
