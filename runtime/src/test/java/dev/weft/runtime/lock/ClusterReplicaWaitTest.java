package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import dev.weft.testkit.RedisServer;
import dev.weft.testkit.Resp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code locks[].replicas} on a 3-master cluster with one replica each: {@code WAIT} has no key, so Lettuce's cluster
 * connection would send it to any node; it must go to the master of the lock key's slot, which wrote the grant.
 */
class ClusterReplicaWaitTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    static LockOptions replicas(int replicas) {
        return new LockOptions(Duration.ofSeconds(30), Duration.ZERO, OnBusy.THROW, OnLost.LOG, LockMode.SINGLE,
                replicas, "ClusterReplicaWaitTest", true);
    }

    LockService service() {
        return new LockService(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), RedisCluster.CLIENT_TIMEOUT,
                "weft:", CLUSTER.cluster().seedUris(), Optional.empty()));
    }

    @Test
    void eachGrantIsAwaitedOnTheMasterOfItsKey() {
        List<RedisServer> masters = CLUSTER.cluster().masters();
        List<Long> before = masters.stream().map(ClusterReplicaWaitTest::waitCalls).toList();
        try (LockService locks = service()) {
            for (int master = 0; master < masters.size(); master++) {
                String key = ClusterKeys.onMaster(master, masters.size(), "sku", 1).get(0);
                locks.release(locks.acquire(key, replicas(1)));
            }
            assertEquals(0, locks.metrics().errors());
        }
        List<Long> after = masters.stream().map(ClusterReplicaWaitTest::waitCalls).toList();
        for (int master = 0; master < masters.size(); master++) {
            assertEquals(before.get(master) + 1, after.get(master), "WAIT calls on master " + master + ": before "
                    + before + ", after " + after);
        }
    }

    @Test
    void moreReplicasThanTheKeysMasterHasFailClosed() {
        String key = ClusterKeys.onMaster(1, CLUSTER.cluster().masters().size(), "sku", 1).get(0);
        try (LockService locks = service()) {
            WeftBackendException e = assertThrows(WeftBackendException.class, () -> locks.acquire(key, replicas(2)));

            assertTrue(e.getMessage().contains("but only 1 of the 2 replicas it asks for (replicas: 2) acknowledged"
                    + " key weft:lock:{" + key + "}"), e.getMessage());
            assertEquals(0, locks.metrics().heldNow());
            // control: the grant was released, so the same key is free at once
            locks.release(locks.acquire(key, replicas(0)));
        }
    }

    /** How often this node ran WAIT, from INFO commandstats. */
    private static long waitCalls(RedisServer node) {
        return Resp.text(node.port(), "INFO", "commandstats").lines()
                .filter(line -> line.startsWith("cmdstat_wait:"))
                .map(line -> Long.parseLong(line.substring("cmdstat_wait:calls=".length(), line.indexOf(','))))
                .findFirst().orElse(0L);
    }
}
