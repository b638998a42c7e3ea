package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.txlog.CombinedOperationsContract;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis log's combined operations on a 3-master Redis Cluster, which refuses a script given keys of two slots. */
class ClusterCombinedOperationsTest extends CombinedOperationsContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Override
    protected TransactionLog openLog() {
        return new RedisTransactionLog(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), RedisCluster.CLIENT_TIMEOUT,
                "weft-" + System.nanoTime() + ":", CLUSTER.cluster().seedUris(), Optional.empty()));
    }
}
