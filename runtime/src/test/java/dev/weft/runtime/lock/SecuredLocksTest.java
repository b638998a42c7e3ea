package dev.weft.runtime.lock;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.SecuredSettings;
import dev.weft.testkit.SecuredRedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Locks over TLS with client certificates, as an ACL user with exactly the rule docs/redis.md gives. */
class SecuredLocksTest extends LocksOnDeploymentContract {
    @RegisterExtension
    static final SecuredRedisExtension SECURED = SecuredSettings.extension();

    @Override
    RedisSettings settings(String keyPrefix) {
        return SecuredSettings.settings(SECURED.redis(), keyPrefix);
    }

    @Override
    RedisEndpoint inspector() {
        return SecuredSettings.inspector(SECURED.redis());
    }
}
