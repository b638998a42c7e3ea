package dev.weft.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * One slot of a {@link RedisCluster} on its way from master {@code source} to master {@code target}, moved as an
 * operator (or {@code redis-cli --cluster reshard}) does: made by SETSLOT IMPORTING on the target and SETSLOT
 * MIGRATING on the source, then {@link #moveKeys MIGRATE} of the slot's keys in batches, then {@link #finish SETSLOT
 * NODE} on every master. In between, the source answers ASK for keys it no longer has and TRYAGAIN for a command
 * whose keys are split between the two.
 */
public final class SlotMove {
    private final List<RedisServer> masters;
    private final int slot;
    private final RedisServer source;
    private final RedisServer target;
    private final String targetId;

    SlotMove(List<RedisServer> masters, int slot, RedisServer source, RedisServer target) {
        this.masters = masters;
        this.slot = slot;
        this.source = source;
        this.target = target;
        this.targetId = RedisCluster.nodeId(target);
        Resp.call(target.port(), "CLUSTER", "SETSLOT", slot, "IMPORTING", RedisCluster.nodeId(source));
        Resp.call(source.port(), "CLUSTER", "SETSLOT", slot, "MIGRATING", targetId);
    }

    /** MIGRATEs up to {@code count} of the keys the source still has in the slot; returns them (none: all moved). */
    public List<?> moveKeys(int count) {
        List<?> keys = (List<?>) Resp.call(source.port(), "CLUSTER", "GETKEYSINSLOT", slot, count);
        if (!keys.isEmpty()) {
            List<Object> migrate = new ArrayList<>(List.of("MIGRATE", "127.0.0.1", target.port(), "", 0, 10_000, "KEYS"));
            migrate.addAll(keys);
            Resp.call(source.port(), migrate.toArray());
        }
        return keys;
    }

    /** Gives the slot to the target on every master: the target first, so that the source's MOVED points at an owner. */
    public void finish() {
        Resp.call(target.port(), "CLUSTER", "SETSLOT", slot, "NODE", targetId);
        Resp.call(source.port(), "CLUSTER", "SETSLOT", slot, "NODE", targetId);
        for (RedisServer master : masters) {
            if (master != source && master != target) {
                Resp.call(master.port(), "CLUSTER", "SETSLOT", slot, "NODE", targetId);
            }
        }
    }
}
