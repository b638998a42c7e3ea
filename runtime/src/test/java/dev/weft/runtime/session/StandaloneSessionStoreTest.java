package dev.weft.runtime.session;

import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SessionStoreContract} on one redis-server. */
class StandaloneSessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    SessionStore open() {
        return new SessionStore(new RedisEndpoint(REDIS.uri(), Duration.ofSeconds(2)), "test-" + System.nanoTime() + ":");
    }
}
