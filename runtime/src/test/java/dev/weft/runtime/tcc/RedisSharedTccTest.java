package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.runtime.txlog.redis.RedisTransactionLog;

/** The contract over {@code type: redis}: each instance with its own log client and its own wake-up subscription. */
class RedisSharedTccTest extends SharedTccContract {
    @Override
    TransactionLog newLog() {
        return new RedisTransactionLog(redisSettings());
    }

    @Override
    Wakeups wakeups(TransactionLog log) {
        return ((RedisTransactionLog) log).wakeups();
    }
}
