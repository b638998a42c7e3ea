package dev.weft.bench.lock;

import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.Workloads;
import dev.weft.testkit.RedisCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * A lock row on a fresh Redis Cluster of 3 masters with a replica each: Redisson's cluster client, then Weft with
 * {@code redis.cluster}, both seeded with every master, distinct keys (spread over the masters by their slots). The
 * ratio is against Redisson in the same run. No raw Lettuce floor: {@link LettuceFloorWorkload} speaks to servers,
 * not to a cluster, and the question here is the cluster clients'.
 */
public record ClusterLockRow(String id, String title, int threads) implements Row {
    private static final int MASTERS = 3;

    public static List<ClusterLockRow> all() {
        return List.of(
                new ClusterLockRow("lock-uncontended-cluster", "cluster, uncontended, 1 thread", 1),
                new ClusterLockRow("lock-distinct-cluster", "cluster, distinct keys, 8 threads", 8));
    }

    /** The 8-thread row is the same code with more threads. */
    @Override
    public boolean inSmokeRun() {
        return threads == 1;
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        try (RedisCluster cluster = RedisCluster.start(MASTERS, 1)) {
            List<String> seeds = cluster.seedUris();
            LockLoad load = new LockLoad(harness, 1, threads, Keys.DISTINCT);
            List<Line> lines = new ArrayList<>();
            LoadResult redisson = load.redisson(Workloads.REDISSON_CLUSTER_LOCK, seeds);
            lines.add(line("Redisson RLock, cluster client", redisson, redisson));
            String weft = "Weft, redis.cluster";
            try {
                lines.add(line(weft, load.weft(WeftYaml.clusterLocks(harness.scratch(), id, seeds,
                        LockLoad.WOVEN_METHOD)), redisson));
            } catch (NotInThisBuild refused) {
                lines.add(Line.unavailable(Section.LOCKS_DEPLOYMENTS, title, weft, refused));
            }
            return lines;
        }
    }

    private Line line(String implementation, LoadResult result, LoadResult redisson) {
        return LockLoad.line(Section.LOCKS_DEPLOYMENTS, title, implementation, result, redisson);
    }
}
