package dev.weft.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which nodes of a CLUSTER NODES view {@link ClusterClient} keeps in Lettuce's slot map. */
class ClusterSlotMapTest {
    @Test
    void aFailedMasterIsLeftOutOnlyOnceItsSlotsWentToAnotherNode() {
        assertFalse(ClusterClient.inSlotMap(node(List.of(), NodeFlag.UPSTREAM, NodeFlag.FAIL)));
        assertTrue(ClusterClient.inSlotMap(node(List.of(1, 2), NodeFlag.UPSTREAM, NodeFlag.FAIL)),
                "still serving slots: its keys' calls wait for it rather than fail for a slot without a master");
    }

    @Test
    void healthySuspectedAndReplicaNodesStay() {
        assertTrue(ClusterClient.inSlotMap(node(List.of(1, 2), NodeFlag.UPSTREAM)));
        assertTrue(ClusterClient.inSlotMap(node(List.of(1, 2), NodeFlag.UPSTREAM, NodeFlag.EVENTUAL_FAIL)));
        assertTrue(ClusterClient.inSlotMap(node(List.of(), NodeFlag.REPLICA)));
    }

    private static RedisClusterNode node(List<Integer> slots, NodeFlag... flags) {
        return new RedisClusterNode(RedisURI.create("redis://127.0.0.1:7000"), "id", true, null, 0, 0, 0, slots,
                Set.of(flags));
    }
}
