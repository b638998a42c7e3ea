package dev.weft.runtime.notification;

import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NotificationStoreContract} on a real redis-server, each test under a key prefix of its own. */
class RedisNotificationStoreTest extends NotificationStoreContract {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    NotificationStore open() {
        return new RedisNotificationStore(new RedisEndpoint(REDIS.uri(), Duration.ofSeconds(5)),
                "test-" + System.nanoTime() + ":");
    }
}
