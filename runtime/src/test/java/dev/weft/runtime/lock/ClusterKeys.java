package dev.weft.runtime.lock;

import dev.weft.testkit.RedisCluster;
import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Lock keys placed on a chosen master of a {@link RedisCluster} fixture, which splits the slots evenly, in order. */
final class ClusterKeys {
    private ClusterKeys() {
    }

    /** The first {@code count} keys {@code <prefix>-<n>} whose slot the master with this index serves. */
    static List<String> onMaster(int master, int masters, String prefix, int count) {
        return IntStream.iterate(0, n -> n + 1).mapToObj(n -> prefix + "-" + n)
                .filter(key -> onMaster(SlotHash.getSlot(key), master, masters))
                .limit(count).toList();
    }

    /** The first {@code count} keys {@code <prefix>-<n>} that share one slot of the master with this index. */
    static List<String> inOneSlot(int master, int masters, String prefix, int count) {
        Map<Integer, List<String>> bySlot = new HashMap<>();
        for (int n = 0; ; n++) {
            String key = prefix + "-" + n;
            int slot = SlotHash.getSlot(key);
            if (onMaster(slot, master, masters)) {
                List<String> keys = bySlot.computeIfAbsent(slot, s -> new ArrayList<>());
                keys.add(key);
                if (keys.size() == count) {
                    return List.copyOf(keys);
                }
            }
        }
    }

    private static boolean onMaster(int slot, int master, int masters) {
        return slot >= RedisCluster.SLOTS * master / masters && slot < RedisCluster.SLOTS * (master + 1) / masters;
    }
}
