package dev.weft.runtime.lock;

import dev.weft.testkit.RedisClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A master's process killed during a lock workload: its replica takes over after {@code cluster-node-timeout} (2 s in
 * the fixture) and the election; see {@link FailoverScenario}. About 30 s with the cluster's start, so only with
 * {@code -Psoak}: calls on the dead master's keys wait until Lettuce reads the new slot map.
 */
@EnabledIfSystemProperty(named = "weft.soak", matches = "true")
class ClusterMasterCrashTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(3, 1);

    @Test
    void noStaleTokenIsAcceptedAndTheKeysComeBackOnTheReplica() throws InterruptedException {
        new FailoverScenario(CLUSTER.cluster()).run("ClusterMasterCrashTest",
                () -> CLUSTER.cluster().masters().get(0).kill());
    }
}
