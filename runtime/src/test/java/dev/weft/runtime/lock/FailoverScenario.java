package dev.weft.runtime.lock;

import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A failover of master 0 of a 3-master, 1-replica-each {@link RedisCluster} during a {@link LockWorkload} on keys of
 * master 0 and master 1. {@link #run} checks that no stale token reached the resource, that no two writers of a key
 * overlapped, and that the keys of master 0 are granted again once its replica took over; it prints the times and the
 * errors, which it counts but does not bound.
 */
final class FailoverScenario {
    /**
     * redis.timeout: how long a call on the failed master's keys can wait before it fails, so it bounds what the
     * measurement shows; shorter than the fixture's {@link RedisCluster#CLIENT_TIMEOUT}, as a slow first call only
     * delays the workload's start.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /**
     * The locks' lease. A lock granted just before the master died, whose grant reached the replica but whose release
     * failed with the connection, stays taken on the promoted replica until its lease ends: the time the keys take to
     * come back includes it. Short, so that the measurement shows the failover rather than the lease.
     */
    static final Duration LEASE = Duration.ofSeconds(4);
    static final int GRANTS = 50;

    private final RedisCluster cluster;

    FailoverScenario(RedisCluster cluster) {
        this.cluster = cluster;
    }

    /** @param failover makes master 0's replica take over, e.g. CLUSTER FAILOVER on the replica */
    void run(String name, Runnable failover) throws InterruptedException {
        int masters = cluster.masters().size();
        RedisServer replica = cluster.replicas().get(0); // the fixture's replica i replicates master i
        List<String> failing = ClusterKeys.onMaster(0, masters, "acct", 2);
        List<String> keys = new ArrayList<>(failing);
        keys.addAll(ClusterKeys.onMaster(1, masters, "acct", 2));
        LockWorkload workload = new LockWorkload(cluster, TIMEOUT, LEASE, keys, failing);
        try {
            workload.awaitMoreGrants("the workload running on master 0", GRANTS);
            long errorsBefore = workload.errors();
            long started = System.nanoTime();
            failover.run();
            Eventually.await("master 0's replica promoted", LockWorkload.GENEROUS, () -> RedisCluster.clusterNodes(replica)
                    .stream().anyMatch(line -> line.contains("myself,master")));
            long promotedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            workload.awaitMoreGrants("keys of master 0 granted again", GRANTS);
            long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            workload.close();
            System.out.println(name + " (redis.timeout " + TIMEOUT.toSeconds() + " s, lease " + LEASE.toSeconds()
                    + " s): replica promoted "
                    + promotedMillis + " ms after the failover began, " + GRANTS + " more grants on its keys by "
                    + resumedMillis + " ms; " + (workload.errors() - errorsBefore) + " calls failed after it began; "
                    + workload.report());
        } finally {
            workload.close();
        }
        workload.assertSafe(2L * GRANTS);
    }
}
