package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Locks on a 3-master Redis Cluster, keys on every master. The cluster refuses a script whose keys are in two slots
 * (CROSSSLOT), so a lock key and its queue key that lost their common hash tag fail every test here.
 */
class ClusterLocksTest extends LocksOnDeploymentContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Override
    RedisSettings settings(String keyPrefix) {
        return new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), RedisCluster.CLIENT_TIMEOUT, keyPrefix,
                CLUSTER.cluster().seedUris(), Optional.empty());
    }

    @Override
    RedisEndpoint inspector() {
        return RedisEndpoint.of(settings("weft:"));
    }

    @Override
    void afterContention() {
        List<Long> perMaster = CLUSTER.cluster().keysPerMaster();
        assertTrue(perMaster.stream().allMatch(n -> n > 0), "lock records on every master: " + perMaster);
    }
}
