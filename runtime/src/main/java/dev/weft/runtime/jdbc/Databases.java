package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link Database} behind a connection. Metadata is read once per physical connection (MySQL's
 * {@code getUserName()} is a round trip), and a pooled connection is remembered only while the pool keeps it.
 */
final class Databases {
    private final Map<Connection, Database> byConnection = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, Database> byIdentity = new ConcurrentHashMap<>();

    Database of(Connection physical, Connection facing) throws SQLException {
        return of(physical, facing, "jdbc.barrier", "this phase's statements do not run");
    }

    /**
     * @param who         what needs the database, and {@code consequence} what happens instead: the error for a
     *                    database Weft does not know
     */
    Database of(Connection physical, Connection facing, String who, String consequence) throws SQLException {
        Database known = byConnection.get(physical);
        if (known != null) {
            return known;
        }
        DatabaseMetaData metaData = facing.getMetaData();
        String product = metaData.getDatabaseProductName();
        Dialect dialect = Dialect.of(product).orElseThrow(() -> new BarrierException(who + " works with H2,"
                + " PostgreSQL, MySQL and MariaDB, not " + product + "; " + consequence));
        Database database = byIdentity.computeIfAbsent(identity(metaData),
                identity -> new Database(dialect, identity));
        byConnection.put(physical, database);
        return database;
    }

    /** The URL and user that {@link Database#identity()} is made of. */
    static String identity(DatabaseMetaData metaData) throws SQLException {
        return metaData.getURL() + '\n' + metaData.getUserName();
    }
}
