package dev.weft.runtime.notification;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.txlog.jdbc.LogDatabase;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recorded calls live in the transaction log's store ({@code transactions.log.type}): beside the file log, in Redis or
 * in the log's database (docs/notifications.md, "Stores").
 */
public final class StoreChoice {
    private StoreChoice() {
    }

    /**
     * Connects nothing yet, except the file store, which locks and reads its directory at once.
     *
     * @param loaders where a JDBC driver is looked for when the system class path has none
     * @throws dev.weft.runtime.txlog.TransactionLogException when the file store's directory is held by another
     *     process or cannot be read
     */
    public static NotificationStore open(TransactionSettings transactions, RedisSettings redis, boolean createTable,
                                         Supplier<List<ClassLoader>> loaders) {
        return switch (transactions.logType()) {
            case TransactionSettings.LOG_JDBC -> new JdbcNotificationStore(LogDatabase.of(transactions.jdbcLog(),
                    loaders, (connection, product) -> {
                        if (createTable) {
                            JdbcNotificationStore.setUp(connection, product);
                        }
                        return null;
                    }));
            case TransactionSettings.LOG_REDIS -> new RedisNotificationStore(RedisEndpoint.of(redis), redis.keyPrefix());
            default -> FileNotificationStore.open(transactions.logDir());
        };
    }
}
