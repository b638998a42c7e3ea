package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.txlog.CombinedOperationsContract;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.testkit.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCombinedOperationsTest extends CombinedOperationsContract {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @Override
    protected TransactionLog openLog() {
        return TestLogs.open(REDIS.uri());
    }
}
