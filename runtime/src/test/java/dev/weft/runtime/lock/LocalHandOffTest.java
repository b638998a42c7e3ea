package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Threads of one JVM on one hot key: they hand the grant to each other without Redis, within bounds. */
class LocalHandOffTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final int THREADS = 8;
    static final int ROUNDS = 200;
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(60), OnBusy.THROW,
            "LocalHandOffTest");

    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger mostInside = new AtomicInteger();
    // Appended to inside the lock only, so the list is in grant order.
    final List<Long> tokens = new ArrayList<>();

    @Test
    void handOffsAreGrantsWithHigherTokensAndMostNeedNoRedis() throws Exception {
        try (LockService locks = LockServiceTest.service(REDIS.uri()); RawRedis raw = new RawRedis(REDIS.uri())) {
            // Redis has the scripts cached: a first release answered NOSCRIPT would be sent again behind the next
            // acquire, which then tries once more (ReleasesInFlight)
            try (LockService warmUp = LockServiceTest.service(REDIS.uri())) {
                warmUp.release(warmUp.acquire("warm-up", OPTIONS));
            }
            raw.resetStats();
            hammer(locks);
            locks.awaitReleases();

            assertEquals(1, mostInside.get());
            assertEquals(THREADS * ROUNDS, tokens.size());
            for (int i = 1; i < tokens.size(); i++) {
                assertTrue(tokens.get(i) > tokens.get(i - 1), "token " + i + " of " + tokens);
            }
            assertEquals(THREADS * ROUNDS, locks.metrics().acquired());
            assertEquals(0, locks.metrics().heldNow());
            long localGrantsMost = tokens.stream().mapToLong(t -> t & (1 << Lease.LOCAL_BITS) - 1).max().orElseThrow();
            assertTrue(localGrantsMost <= KeyQueue.MAX_LOCAL_GRANTS, "local grants in a row: " + localGrantsMost);
            long redisGrants = tokens.stream().filter(t -> (t & (1 << Lease.LOCAL_BITS) - 1) == 0).count();
            // Each Redis grant is an acquire and a release; the waiting threads add nothing.
            assertEquals(2 * redisGrants, raw.scriptRuns(), raw.stats());
            assertTrue(redisGrants < tokens.size() / 4, "Redis grants " + redisGrants + " of " + tokens.size());
        }
    }

    @Test
    void withoutTheLockTheSameThreadsOverlap() throws Exception {
        hammer(null);

        assertTrue(mostInside.get() > 1);
    }

    private void hammer(LockService locks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(threads.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    HeldLock lock = locks == null ? null : locks.acquire("hot", OPTIONS);
                    try {
                        critical(lock);
                    } finally {
                        if (locks != null) {
                            locks.release(lock);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> thread : done) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void critical(HeldLock lock) {
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        if (lock != null) {
            tokens.add(lock.token());
        }
        Thread.yield(); // widens the window for a second thread
        inside.decrementAndGet();
    }
}
