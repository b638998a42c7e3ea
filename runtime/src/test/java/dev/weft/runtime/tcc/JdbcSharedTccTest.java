package dev.weft.runtime.tcc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.runtime.txlog.jdbc.JdbcTransactionLog;
import dev.weft.runtime.txlog.redis.RedisWakeups;
import java.util.List;

/**
 * The contract over {@code type: jdbc} on H2 (one in-memory database per test, each instance with its own
 * connections), with wake-ups on Redis as in production.
 */
class JdbcSharedTccTest extends SharedTccContract {
    @Override
    TransactionLog newLog() {
        String database = "dtcc-" + keyPrefix.replace(":", "");
        return JdbcTransactionLog.open(new TransactionSettings.JdbcLog("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "sa", null), List::of);
    }

    @Override
    Wakeups wakeups(TransactionLog log) {
        return new RedisWakeups(redisSettings());
    }
}
