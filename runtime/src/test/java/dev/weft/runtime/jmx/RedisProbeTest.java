package dev.weft.runtime.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code dev.weft:type=Agent} and {@code status} say of Redis: asked of the cluster itself. */
class RedisProbeTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Test
    void aClusterIsDescribedWithItsMastersAndEveryNode() {
        RedisCluster cluster = CLUSTER.cluster();
        RedisProbe probe = new RedisProbe(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(),
                RedisCluster.CLIENT_TIMEOUT, "weft:", cluster.seedUris(), Optional.empty()));
        List<String> masters = cluster.masters().stream().map(node -> "127.0.0.1:" + node.port()).sorted().toList();

        assertEquals(masters, probe.topology().orElseThrow().masters());
        assertEquals(6, probe.topology().orElseThrow().nodes().size());
        assertEquals("cluster, masters " + String.join(",", masters) + " of 6 nodes", probe.describe());
    }

    @Test
    void aRedisThatCannotBeReachedIsSaidSoWithTheReason() {
        int port;
        try (RedisServer stopped = RedisServer.start()) {
            port = stopped.port();
        }
        RedisProbe probe = new RedisProbe(new RedisSettings("redis://127.0.0.1:" + port, List.of(),
                Duration.ofSeconds(2), "weft:"));
        String described = probe.describe();
        assertTrue(described.startsWith("standalone, not reachable: ")
                && described.contains("Redis at redis://127.0.0.1:" + port), described);
    }
}
