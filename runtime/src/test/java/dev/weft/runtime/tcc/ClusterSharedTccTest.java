package dev.weft.runtime.tcc;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.runtime.txlog.redis.RedisTransactionLog;
import dev.weft.testkit.RedisClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract over {@code type: redis} on a 3-master Redis Cluster: every script of the transaction log, the owner
 * locks it keeps beside each transaction included, and the wake-ups over pub/sub. The cluster refuses a script whose keys are in
 * two slots (CROSSSLOT), so this fails if any of them is given keys of two hash tags.
 */
class ClusterSharedTccTest extends SharedTccContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Override
    RedisSettings redisSettings() {
        return new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), Duration.ofSeconds(2), keyPrefix,
                CLUSTER.cluster().seedUris(), Optional.empty());
    }

    @Override
    TransactionLog newLog() {
        return new RedisTransactionLog(redisSettings());
    }

    @Override
    Wakeups wakeups(TransactionLog log) {
        return ((RedisTransactionLog) log).wakeups();
    }
}
