package dev.weft.runtime.notification;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.txlog.jdbc.LogDatabase;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recorded calls live in the transaction log's store ({@code transactions.log.type}): Redis or the log's database.
 * This version has no file store for them; with {@code type: file} (the default), {@code notifications:} is a config
 * error rather than calls kept nowhere.
 */
public final class StoreChoice {
    private StoreChoice() {
    }

    /** Why {@code notifications:} cannot run with this log type; empty when it can. */
    public static Optional<String> problem(TransactionSettings transactions) {
        if (transactions.sharedLog()) {
            return Optional.empty();
        }
        return Optional.of("notifications: are recorded in the transaction log's store, and this version keeps them"
                + " in Redis or a database, not in '" + transactions.logType() + "'; add transactions: {log: {type:"
                + " redis}} or type: jdbc with its url (docs/notifications.md, \"Stores\")");
    }

    /**
     * Connects nothing yet.
     *
     * @param loaders where a JDBC driver is looked for when the system class path has none
     * @throws IllegalStateException when {@link #problem} is not empty
     */
    public static NotificationStore open(TransactionSettings transactions, RedisSettings redis, boolean createTable,
                                         Supplier<List<ClassLoader>> loaders) {
        problem(transactions).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        if (TransactionSettings.LOG_JDBC.equals(transactions.logType())) {
            return new JdbcNotificationStore(LogDatabase.of(transactions.jdbcLog(), loaders, (connection, product) -> {
                if (createTable) {
                    JdbcNotificationStore.setUp(connection, product);
                }
                return null;
            }));
        }
        return new RedisNotificationStore(RedisEndpoint.of(redis), redis.keyPrefix());
    }
}
