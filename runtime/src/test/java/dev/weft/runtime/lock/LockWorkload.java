package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.RedisCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two lock services on a {@link RedisCluster} (two "JVMs", two threads each) that keep taking locks on random keys of
 * a list and writing a {@link FencedResource} under them, until closed. It counts the grants on the watched keys, the
 * failed calls and the busy ones, and {@link #assertSafe checks} that no stale token reached the resource and that no
 * two writers of a key overlapped. What a disruption of the cluster does to it is the caller's test.
 */
final class LockWorkload implements AutoCloseable {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final long PAUSE_AFTER_ERROR_MILLIS = 20;
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final FencedResource resource = new FencedResource();
    private final AtomicLong watchedGrants = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final LockOptions options;
    private final List<LockService> services;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stop;
    private boolean closed;

    /**
     * @param timeout redis.timeout: how long a call can wait before it fails
     * @param lease   the locks' lease: a lock whose release failed stays taken until it ends
     * @param watched the keys whose grants {@link #watchedGrants()} counts
     */
    LockWorkload(RedisCluster cluster, Duration timeout, Duration lease, List<String> keys, List<String> watched) {
        options = new LockOptions(lease, MAX_WAIT, OnBusy.THROW, "LockWorkload");
        services = List.of(service(cluster, timeout), service(cluster, timeout));
        for (LockService locks : services) {
            for (int i = 0; i < 2; i++) {
                Thread worker = new Thread(() -> work(locks, keys, watched), "lock-worker-" + workers.size());
                workers.add(worker);
                worker.start();
            }
        }
    }

    private static LockService service(RedisCluster cluster, Duration timeout) {
        return new LockService(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), timeout,
                "weft:", cluster.seedUris(), Optional.empty()));
    }

    /** Waits until the watched keys were granted {@code more} times after this call. */
    void awaitMoreGrants(String what, long more) {
        long from = watchedGrants.get();
        Eventually.await(what, GENEROUS, () -> watchedGrants.get() >= from + more);
    }

    long watchedGrants() {
        return watchedGrants.get();
    }

    long errors() {
        return errors.get();
    }

    /** The counts and the first error, for the test's output. */
    String report() {
        return errors.get() + " calls failed in all (4 threads, each pausing " + PAUSE_AFTER_ERROR_MILLIS
                + " ms after a failure), " + busy.get() + " found the lock busy for " + MAX_WAIT.toSeconds()
                + " s; writes accepted " + resource.accepted() + ", refused as stale " + resource.refused()
                + ", overlapping " + resource.overlaps() + "; first error: " + firstError.get();
    }

    /** No holder wrote with a token older than one already written, no two holders of a key at once. */
    void assertSafe(long minimumWrites) {
        assertEquals(0, resource.refused(), "no holder wrote with a token older than one already written");
        assertEquals(0, resource.overlaps(), "no two holders of a key at once");
        assertTrue(resource.accepted() >= minimumWrites, "writes: " + resource.accepted());
    }

    /** Stops the workers, waits for them, closes the services; again, does nothing. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        stop = true;
        for (Thread worker : workers) {
            worker.join(GENEROUS.toMillis());
        }
        services.forEach(LockService::close);
    }

    /** Until stopped: lock a random key, write the resource with the grant's token, release. */
    private void work(LockService locks, List<String> keys, List<String> watched) {
        while (!stop) {
            String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            try {
                HeldLock held = locks.acquire(key, options);
                try {
                    if (resource.begin(key, locks.fencingToken()) && watched.contains(key)) {
                        watchedGrants.incrementAndGet();
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
