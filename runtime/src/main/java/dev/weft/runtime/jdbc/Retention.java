package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Deletes rows of one of Weft's tables older than {@code jdbc.retention}. Weft has no connection of its own (it only
 * sees the application's), so the barrier's sweep borrows one at a moment when it holds no application work: right
 * after a barrier transaction committed on it; the inbox's runs on a connection the poller opened. At most once an
 * hour per database and JVM, in its own short transaction.
 */
final class Retention {
    static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

    private final long retentionMillis;
    private final LongSupplier clock;
    private final String table;
    /** {@code DELETE ... WHERE <time column> < ?}. */
    private final String expired;

    /** The barrier's. */
    Retention(Duration retention, LongSupplier clock) {
        this(retention, clock, Dialect.Sql.TABLE, Dialect.Sql.EXPIRED);
    }

    Retention(Duration retention, LongSupplier clock, String table, String expired) {
        this.retentionMillis = retention.toMillis();
        this.clock = clock;
        this.table = table;
        this.expired = expired;
    }

    /** Never throws: a failed sweep is logged and tried again at the next one. */
    void afterCommit(Database database, Connection connection) {
        long now = clock.getAsLong();
        if (!database.claimSweep(now, SWEEP_INTERVAL.toMillis())) {
            return;
        }
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            int deleted = Untraced.run(() -> {
                try (PreparedStatement delete = connection.prepareStatement(expired)) {
                    delete.setLong(1, now - retentionMillis);
                    return delete.executeUpdate();
                }
            });
            if (!autoCommit) {
                connection.commit();
            }
            Log.debug("deleted " + deleted + " expired row(s) of " + table);
        } catch (SQLException | RuntimeException e) {
            if (!autoCommit) {
                Connections.rollbackQuietly(connection);
            }
            Log.warn("could not delete expired rows of " + table + " (tried again in "
                    + SWEEP_INTERVAL.toMinutes() + " min): " + e);
        }
    }
}
