package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Across JVMs (here: services), waiters get the lock in the order they queued, and a dead waiter is skipped. */
class FairQueueTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(60), OnBusy.THROW,
            "FairQueueTest");
    static RawRedis raw;

    @BeforeAll
    static void connect() {
        raw = new RawRedis(REDIS.uri());
    }

    @AfterAll
    static void disconnect() {
        raw.close();
    }

    @Test
    void releasesServeTheWaitersInTheOrderTheyQueued(TestInfo test) throws Exception {
        String key = test.getDisplayName();
        try (LockService a = service(); LockService b = service(); LockService c = service()) {
            HeldLock first = a.acquire(key, OPTIONS);
            CountDownLatch bHolds = new CountDownLatch(1);
            CountDownLatch bMayRelease = new CountDownLatch(1);
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
                HeldLock lock = b.acquire(key, OPTIONS);
                bHolds.countDown();
                await(bMayRelease);
                b.release(lock);
                return lock.token();
            });
            Eventually.await("b queued", GENEROUS, () -> raw.llen(queueKey(key)) == 1);
            CompletableFuture<Long> third = CompletableFuture.supplyAsync(
                    () -> LockServiceTest.tokenOfOneHold(c, key, OPTIONS));
            Eventually.await("c queued", GENEROUS, () -> raw.llen(queueKey(key)) == 2);

            a.release(first);
            assertTrue(bHolds.await(GENEROUS.toSeconds(), TimeUnit.SECONDS), "b first");
            assertFalse(third.isDone());
            bMayRelease.countDown();

            long secondToken = second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            long thirdToken = third.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertTrue(first.token() < secondToken && secondToken < thirdToken);
        }
    }

    @Test
    void aWaiterThatDiedStallsOthersNoLongerThanItsOwnLease(TestInfo test) throws Exception {
        String key = test.getDisplayName();
        try (LockService a = service(); LockService c = service()) {
            HeldLock first = a.acquire(key, OPTIONS);
            // A waiter of a JVM that died while queued: first in line, with a lease of 1.5s.
            long expires = System.currentTimeMillis() + 60_000;
            raw.call(redis -> redis.rpush(queueKey(key), "dead-jvm:1|1500|" + expires));
            CompletableFuture<Long> live = CompletableFuture.supplyAsync(
                    () -> LockServiceTest.tokenOfOneHold(c, key, OPTIONS));
            Eventually.await("c queued", GENEROUS, () -> raw.llen(queueKey(key)) == 2);

            a.release(first);
            a.awaitReleases();

            // The release handed the lock to the dead waiter, whose grant nobody will use or renew ...
            assertEquals("dead-jvm:1", raw.owner(LockServiceTest.lockKey(key)));
            // ... so c gets it once that grant's lease of 1.5s ran out, not its own 30s.
            assertTrue(live.get(GENEROUS.toSeconds(), TimeUnit.SECONDS) > first.token());
        }
    }

    @Test
    void aWaiterWhoseEntryExpiredIsSkipped(TestInfo test) throws Exception {
        String key = test.getDisplayName();
        try (LockService a = service(); LockService c = service()) {
            HeldLock first = a.acquire(key, OPTIONS);
            raw.call(redis -> redis.rpush(queueKey(key), "gone-jvm:1|1500|1"));
            CompletableFuture<Long> live = CompletableFuture.supplyAsync(
                    () -> LockServiceTest.tokenOfOneHold(c, key, OPTIONS));
            Eventually.await("c queued", GENEROUS, () -> raw.llen(queueKey(key)) == 2);

            a.release(first);

            assertTrue(live.get(GENEROUS.toSeconds(), TimeUnit.SECONDS) > first.token());
            assertEquals(0, raw.llen(queueKey(key)));
        }
    }

    static LockService service() {
        return LockServiceTest.service(REDIS.uri());
    }

    static String queueKey(String key) {
        return LockServiceTest.queueKey(key);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
