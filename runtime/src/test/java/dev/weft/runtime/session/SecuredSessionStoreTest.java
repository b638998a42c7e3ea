package dev.weft.runtime.session;

import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.SecuredSettings;
import dev.weft.testkit.SecuredRedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SessionStoreContract} over TLS, as an ACL user with exactly the rule docs/redis.md gives. */
class SecuredSessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final SecuredRedisExtension SECURED = SecuredSettings.extension();

    @Override
    SessionStore open() {
        String keyPrefix = SecuredSettings.PREFIX + System.nanoTime() + ":";
        return new SessionStore(RedisEndpoint.of(SecuredSettings.settings(SECURED.redis(), keyPrefix)), keyPrefix);
    }
}
