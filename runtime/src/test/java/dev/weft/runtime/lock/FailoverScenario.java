package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A failover of master 0 of a 3-master, 1-replica-each {@link RedisCluster} while two lock services (two "JVMs", two
 * threads each) keep taking locks on keys of master 0 and master 1 and writing a {@link FencedResource} under them.
 * {@link #run} checks that no stale token reached the resource, that no two writers of a key overlapped, and that the
 * keys of master 0 are granted again once its replica took over; it prints the times and the errors, which it counts
 * but does not bound.
 */
final class FailoverScenario {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    /**
     * redis.timeout: how long a call on the failed master's keys can wait before it fails, so it bounds what the
     * measurement shows; shorter than the fixture's {@link RedisCluster#CLIENT_TIMEOUT}, as a slow first call only
     * delays the workload's start.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final long PAUSE_AFTER_ERROR_MILLIS = 20;
    static final int GRANTS = 50;
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(10), Duration.ofSeconds(5), OnBusy.THROW,
            "FailoverScenario");

    private final RedisCluster cluster;
    private final FencedResource resource = new FencedResource();
    private final AtomicLong grantsOnMaster0 = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile boolean stop;

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
            Eventually.await("the workload running on master 0", GENEROUS, () -> grantsOnMaster0.get() >= GRANTS);

            long errorsBefore = errors.get();
            long started = System.nanoTime();
            failover.run();
            Eventually.await("master 0's replica promoted", GENEROUS, () -> RedisCluster.clusterNodes(replica).stream()
                    .anyMatch(line -> line.contains("myself,master")));
            long promotedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long grantsAtPromotion = grantsOnMaster0.get();
            Eventually.await("keys of master 0 granted again", GENEROUS,
                    () -> grantsOnMaster0.get() >= grantsAtPromotion + GRANTS);
            long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            stop = true;
            for (Thread worker : workers) {
                worker.join(GENEROUS.toMillis());
            }
            System.out.println(name + " (redis.timeout " + TIMEOUT.toSeconds() + " s): replica promoted " + promotedMillis + " ms after the failover began, " + GRANTS
                    + " more grants on its keys by " + resumedMillis + " ms; " + (errors.get() - errorsBefore)
                    + " calls failed (4 threads, each pausing " + PAUSE_AFTER_ERROR_MILLIS + " ms after a failure), "
                    + busy.get() + " found the lock busy for " + OPTIONS.maxWait().toSeconds() + " s; writes accepted "
                    + resource.accepted() + ", refused as stale " + resource.refused() + ", overlapping "
                    + resource.overlaps() + "; first error: " + firstError.get());
        } finally {
            stop = true;
            services.forEach(LockService::close);
        }
        assertEquals(0, resource.refused(), "no holder wrote with a token older than one already written");
        assertEquals(0, resource.overlaps(), "no two holders of a key at once");
        assertTrue(resource.accepted() >= 2L * GRANTS, "writes: " + resource.accepted());
    }

    private LockService service() {
        return new LockService(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), TIMEOUT,
                "weft:", cluster.seedUris(), Optional.empty()));
    }

    /** Until stopped: lock a random key, write the resource with the grant's token, release. */
    private void work(LockService locks, List<String> keys, List<String> failing) {
        while (!stop) {
            String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            try {
                HeldLock held = locks.acquire(key, OPTIONS);
                try {
                    if (resource.begin(key, locks.fencingToken()) && failing.contains(key)) {
                        grantsOnMaster0.incrementAndGet();
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
