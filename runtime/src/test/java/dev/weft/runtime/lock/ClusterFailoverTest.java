package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import dev.weft.testkit.RedisServer;
import dev.weft.testkit.Resp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code CLUSTER FAILOVER} (the replica takes over from its master in agreement with it) while two lock services
 * (two "JVMs", two threads each) keep taking locks on keys of that master and of another one and writing a
 * {@link FencedResource} under them: no write with a stale token reaches it, no two writers of a key overlap, and the
 * keys of the failed-over master are granted again on its replica. The errors are counted, not bounded.
 */
class ClusterFailoverTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(3, 1);

    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final long PAUSE_AFTER_ERROR_MILLIS = 20;
    static final int GRANTS_AFTER_PROMOTION = 50;
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(10), Duration.ofSeconds(5), OnBusy.THROW,
            "ClusterFailoverTest");

    final FencedResource resource = new FencedResource();
    final AtomicLong grantsOnFailedMaster = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();
    volatile boolean stop;

    @Test
    void noStaleTokenIsAcceptedAndTheKeysComeBackOnTheReplica() throws Exception {
        RedisCluster cluster = CLUSTER.cluster();
        int masters = cluster.masters().size();
        RedisServer replica = cluster.replicas().get(0); // replicas.get(i) replicates masters.get(i)
        List<String> failing = ClusterKeys.onMaster(0, masters, "acct", 2);
        List<String> keys = new ArrayList<>(failing);
        keys.addAll(ClusterKeys.onMaster(1, masters, "acct", 2));
        List<LockService> services = List.of(service(), service());
        List<Thread> workers = new ArrayList<>();
        try {
            for (LockService locks : services) {
                for (int i = 0; i < 2; i++) {
                    Thread worker = new Thread(() -> work(locks, keys, failing), "failover-worker-" + workers.size());
                    workers.add(worker);
                    worker.start();
                }
            }
            Eventually.await("the workload running on the master", GENEROUS,
                    () -> grantsOnFailedMaster.get() >= GRANTS_AFTER_PROMOTION);

            long errorsBefore = errors.get();
            long started = System.nanoTime();
            Resp.call(replica.port(), "CLUSTER", "FAILOVER");
            Eventually.await("the replica promoted", GENEROUS, () -> RedisCluster.clusterNodes(replica).stream()
                    .anyMatch(line -> line.contains("myself,master")));
            long promotedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long grantsAtPromotion = grantsOnFailedMaster.get();
            Eventually.await("keys of the failed-over master granted again", GENEROUS,
                    () -> grantsOnFailedMaster.get() >= grantsAtPromotion + GRANTS_AFTER_PROMOTION);
            long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            stop = true;
            for (Thread worker : workers) {
                worker.join(GENEROUS.toMillis());
            }
            System.out.println("ClusterFailoverTest: replica promoted " + promotedMillis + " ms after CLUSTER FAILOVER,"
                    + " " + GRANTS_AFTER_PROMOTION + " more grants on its keys by " + resumedMillis + " ms; "
                    + (errors.get() - errorsBefore) + " calls failed (4 threads, each pausing "
                    + PAUSE_AFTER_ERROR_MILLIS + " ms after a failure), " + busy.get() + " found the lock busy for "
                    + OPTIONS.maxWait().toSeconds() + " s; writes accepted " + resource.accepted() + ", refused as"
                    + " stale " + resource.refused() + ", overlapping " + resource.overlaps() + "; first error: "
                    + firstError.get());
        } finally {
            stop = true;
            services.forEach(LockService::close);
        }
        assertEquals(0, resource.refused(), "no holder wrote with a token older than one already written");
        assertEquals(0, resource.overlaps(), "no two holders of a key at once");
        assertTrue(resource.accepted() > 2L * GRANTS_AFTER_PROMOTION, "writes: " + resource.accepted());
    }

    private LockService service() {
        return new LockService(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), RedisCluster.CLIENT_TIMEOUT,
                "weft:", CLUSTER.cluster().seedUris(), Optional.empty()));
    }

    /** Until stopped: lock a random key, write the resource with the grant's token, release. */
    private void work(LockService locks, List<String> keys, List<String> failing) {
        while (!stop) {
            String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            try {
                HeldLock held = locks.acquire(key, OPTIONS);
                try {
                    if (resource.begin(key, locks.fencingToken()) && failing.contains(key)) {
                        grantsOnFailedMaster.incrementAndGet();
                    }
                } finally {
                    resource.end(key);
                    locks.release(held);
                }
            } catch (LockUnavailableException e) {
                busy.incrementAndGet();
            } catch (WeftBackendException e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
