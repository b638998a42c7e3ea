package dev.weft.runtime.lock;

import dev.weft.testkit.RedisCluster;
import io.lettuce.core.cluster.SlotHash;
import java.util.List;
import java.util.stream.IntStream;

/** Lock keys placed on a chosen master of a {@link RedisCluster} fixture, which splits the slots evenly, in order. */
final class ClusterKeys {
    private ClusterKeys() {
    }

    /** The first {@code count} keys {@code <prefix>-<n>} whose slot the master with this index serves. */
    static List<String> onMaster(int master, int masters, String prefix, int count) {
        return IntStream.iterate(0, n -> n + 1).mapToObj(n -> prefix + "-" + n)
                .filter(key -> {
                    int slot = SlotHash.getSlot(key);
                    return slot >= RedisCluster.SLOTS * master / masters
                            && slot < RedisCluster.SLOTS * (master + 1) / masters;
                })
                .limit(count).toList();
    }
}
