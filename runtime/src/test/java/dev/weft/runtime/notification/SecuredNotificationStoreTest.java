package dev.weft.runtime.notification;

import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.SecuredSettings;
import dev.weft.testkit.SecuredRedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NotificationStoreContract} over TLS, as an ACL user with exactly the rule docs/redis.md gives. */
class SecuredNotificationStoreTest extends NotificationStoreContract {
    @RegisterExtension
    static final SecuredRedisExtension SECURED = SecuredSettings.extension();

    @Override
    NotificationStore open() {
        String keyPrefix = SecuredSettings.PREFIX + System.nanoTime() + ":";
        return new RedisNotificationStore(RedisEndpoint.of(SecuredSettings.settings(SECURED.redis(), keyPrefix)),
                keyPrefix);
    }
}
