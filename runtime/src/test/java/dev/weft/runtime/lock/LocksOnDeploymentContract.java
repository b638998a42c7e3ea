package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RedisEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Locks on a deployment other than one plain server: acquire, queue, hand-off, renew and release, from two services
 * standing for two JVMs.
 */
abstract class LocksOnDeploymentContract {
    static final Duration GENEROUS = Duration.ofSeconds(60);

    final String keyPrefix = "weft-locks-" + System.nanoTime() + ":";
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    @Test
    void twoJvmsContendingForKeysOnEveryMasterNeverOverlapAndTokensRiseInGrantOrder() throws Exception {
        LockService jvmA = service();
        LockService jvmB = service();
        int keys = 12;
        int rounds = 10;
        Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
        Map<String, AtomicLong> lastToken = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger tokensOutOfOrder = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            LockService jvm = t % 2 == 0 ? jvmA : jvmB;
            int thread = t;
            done.add(threads.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    String key = "sku:" + ((round + thread) % keys);
                    HeldLock lock = jvm.acquire(key, new LockOptions(Duration.ofSeconds(30), GENEROUS, OnBusy.THROW,
                            "ClusterLocksTest"));
                    try {
                        if (inside.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        long previous = lastToken.computeIfAbsent(key, k -> new AtomicLong()).getAndSet(lock.token());
                        if (lock.token() <= previous) {
                            tokensOutOfOrder.incrementAndGet();
                        }
                        Thread.yield();
                        inside.get(key).decrementAndGet();
                    } finally {
                        jvm.release(lock);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();

        assertEquals(0, overlaps.get(), "two holders of one key at once");
        assertEquals(0, tokensOutOfOrder.get(), "a grant's token not above the previous grant's");
        assertEquals(8 * rounds, jvmA.metrics().acquired() + jvmB.metrics().acquired());
        assertEquals(0, jvmA.metrics().errors() + jvmB.metrics().errors());
        afterContention();
    }

    /** {@code redis:} of the deployment under test, with {@code keyPrefix}. */
    abstract RedisSettings settings(String keyPrefix);

    /** An endpoint for the test's own looks into Redis, which Weft's ACL rule does not allow. */
    abstract RedisEndpoint inspector();

    /** Checks where the records of the contended locks (kept after release, with their last token) landed. */
    void afterContention() {
    }

    @Test
    void aHeldLockIsRenewedAndAWaiterIsHandedItOnRelease() throws Exception {
        LockService jvmA = service();
        LockService jvmB = service();
        RedisEndpoint raw = closing(inspector());
        String key = "renewed";
        String redisKey = keyPrefix + "lock:{" + key + "}";
        Duration lease = Duration.ofMillis(900);
        HeldLock held = jvmA.acquire(key, new LockOptions(lease, Duration.ZERO, OnBusy.THROW, "holder"));

        // A renewal sets the remaining time back to the whole lease: seen as the time left going up.
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        Eventually.await("a renewal", GENEROUS, () -> {
            long left = raw.call("pttl", r -> r.pttl(redisKey));
            return left > 0 && left > lowest.getAndAccumulate(left, Math::min) + 100;
        });

        Future<HeldLock> waiter = Executors.newSingleThreadExecutor().submit(() -> jvmB.acquire(key,
                new LockOptions(lease, GENEROUS, OnBusy.THROW, "waiter")));
        Eventually.await("the waiter queued", GENEROUS, () -> raw.<Long>call("llen",
                r -> r.llen(keyPrefix + "lock-queue:{" + key + "}")) > 0);
        jvmA.release(held);
        HeldLock handed = waiter.get();
        assertTrue(handed.token() > held.token());
        jvmB.release(handed);
        assertEquals(0, jvmA.metrics().lost() + jvmB.metrics().lost());
    }

    private LockService service() {
        return closing(new LockService(settings(keyPrefix)));
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
