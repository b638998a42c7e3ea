package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.redis.SecuredSettings;
import dev.weft.runtime.txlog.CombinedOperationsContract;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.testkit.SecuredRedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis log's combined operations over TLS, as an ACL user with exactly the rule docs/redis.md gives. */
class SecuredCombinedOperationsTest extends CombinedOperationsContract {
    @RegisterExtension
    static final SecuredRedisExtension SECURED = SecuredSettings.extension();

    @Override
    protected TransactionLog openLog() {
        return new RedisTransactionLog(SecuredSettings.settings(SECURED.redis(),
                SecuredSettings.PREFIX + System.nanoTime() + ":"));
    }
}
