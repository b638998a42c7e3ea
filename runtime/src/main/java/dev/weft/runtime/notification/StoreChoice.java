package dev.weft.runtime.notification;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.redis.RedisEndpoint;
import java.util.Optional;

/**
 * Recorded calls live in the transaction log's store ({@code transactions.log.type}). This version keeps them in
 * Redis; with any other type, {@code notifications:} is a config error rather than calls kept nowhere.
 */
public final class StoreChoice {
    private StoreChoice() {
    }

    /** Why {@code notifications:} cannot run with this log type; empty when it can. */
    public static Optional<String> problem(TransactionSettings transactions) {
        if (TransactionSettings.LOG_REDIS.equals(transactions.logType())) {
            return Optional.empty();
        }
        return Optional.of("notifications: are recorded in the transaction log's store, and this version supports"
                + " only Redis there, not '" + transactions.logType() + "'; add transactions: {log: {type: redis}}"
                + " (docs/notifications.md, \"Stores\")");
    }

    /** @throws IllegalStateException when {@link #problem} is not empty */
    public static NotificationStore open(TransactionSettings transactions, RedisSettings redis) {
        problem(transactions).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return new RedisNotificationStore(new RedisEndpoint(redis.uri(), redis.timeout()), redis.keyPrefix());
    }
}
