package dev.weft.runtime.lock;

import dev.weft.testkit.RedisClusterExtension;
import dev.weft.testkit.Resp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code CLUSTER FAILOVER} on a replica (it takes over in agreement with its master, which first lets it catch up)
 * during a lock workload: see {@link FailoverScenario}.
 */
class ClusterFailoverTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(3, 1);

    @Test
    void noStaleTokenIsAcceptedAndTheKeysComeBackOnTheReplica() throws InterruptedException {
        new FailoverScenario(CLUSTER.cluster()).run("ClusterFailoverTest",
                () -> Resp.call(CLUSTER.cluster().replicas().get(0).port(), "CLUSTER", "FAILOVER"));
    }
}
