package dev.weft.bench.load;

import dev.weft.bench.lock.Keys;
import dev.weft.bench.lock.LettuceFloorWorkload;
import dev.weft.bench.lock.RedissonLockWorkload;
import dev.weft.bench.lock.WovenLockWorkload;
import dev.weft.bench.notify.NotifyWorkload;
import dev.weft.bench.outbox.OrderWorkload;
import dev.weft.bench.tcc.TccWorkload;
import dev.weft.bench.xa.XaTransferWorkload;
import java.util.Arrays;
import java.util.List;

/**
 * The workloads a worker JVM can run, by name. Each peer's classes are touched only by its own branch, so a worker
 * needs only that peer on its class path: Redisson and Lettuce 7 never meet in one JVM.
 */
public enum Workloads {
    /** {@code weft-lock <keys>}: the woven method; Redis is whatever the agent's weft.yaml says. */
    WEFT_LOCK("weft-lock"),
    /** {@code redisson-lock <keys> <uri>...}: RLock on one URI, RedissonRedLock on several. */
    REDISSON_LOCK("redisson-lock"),
    /** {@code redisson-cluster-lock <keys> <seed uri>...}: RLock through Redisson's cluster client. */
    REDISSON_CLUSTER_LOCK("redisson-cluster-lock"),
    /** {@code floor-lock <keys> <uri>...}: raw Lettuce SET NX PX on one URI, or on a majority of several. */
    FLOOR_LOCK("floor-lock"),
    /** {@code weft-tcc <branches>}: a woven global transaction with 0 or 2 empty branches. */
    WEFT_TCC("weft-tcc"),
    /** {@code outbox-order <publisher> <jdbcUrl> <paceMicros> [<redisUri> <streamKey>]}: see {@link OrderWorkload}. */
    OUTBOX_ORDER("outbox-order"),
    /** {@code notify-call <woven>}: see {@link NotifyWorkload}. */
    NOTIFY_CALL("notify-call"),
    /** {@code xa-transfer <transfer> <firstUrl> <secondUrl> <objectStore>}: see {@link XaTransferWorkload}. */
    XA_TRANSFER("xa-transfer");

    private final String id;

    Workloads(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Workload create(String id, List<String> args, int process) {
        Workloads workload = Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workload " + id));
        return switch (workload) {
            case WEFT_LOCK -> new WovenLockWorkload(Keys.parse(args.get(0)), process);
            case REDISSON_LOCK ->
                    RedissonLockWorkload.standalone(Keys.parse(args.get(0)), process, args.subList(1, args.size()));
            case REDISSON_CLUSTER_LOCK ->
                    RedissonLockWorkload.cluster(Keys.parse(args.get(0)), process, args.subList(1, args.size()));
            case FLOOR_LOCK -> new LettuceFloorWorkload(Keys.parse(args.get(0)), process, args.subList(1, args.size()));
            case WEFT_TCC -> new TccWorkload(Integer.parseInt(args.get(0)));
            case OUTBOX_ORDER -> new OrderWorkload(args);
            case NOTIFY_CALL -> new NotifyWorkload(Boolean.parseBoolean(args.get(0)));
            case XA_TRANSFER -> new XaTransferWorkload(args);
        };
    }
}
