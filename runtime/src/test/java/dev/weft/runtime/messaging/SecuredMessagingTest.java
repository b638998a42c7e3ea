package dev.weft.runtime.messaging;

import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.SecuredSettings;
import dev.weft.testkit.SecuredRedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streams and prepared messages over TLS, as an ACL user with exactly the rule docs/redis.md gives. */
class SecuredMessagingTest extends MessagingOnDeploymentContract {
    @RegisterExtension
    static final SecuredRedisExtension SECURED = SecuredSettings.extension();

    @Override
    RedisEndpoint newEndpoint() {
        return SecuredSettings.endpoint(SECURED.redis());
    }
}
