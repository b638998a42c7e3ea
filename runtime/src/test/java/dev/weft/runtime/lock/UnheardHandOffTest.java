package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JVM hears hand-offs only once its subscription to lock notices is confirmed, which took 0.3-0.7 s at a first
 * contention (four JVMs on two cores); a hand-off made before that must not leave the lock with a waiter asleep for a
 * third of its lease. Here the subscription never works (SUBSCRIBE is renamed away), the longest case of it.
 */
class UnheardHandOffTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension("--rename-command", "SUBSCRIBE", "");
    static final Duration GENEROUS = Duration.ofSeconds(30);
    /** A third of it is longer than {@link #GENEROUS}: a waiter that slept until then would fail the test. */
    static final LockOptions OPTIONS = LockServiceTest.options(Duration.ofSeconds(120), Duration.ofSeconds(120),
            OnBusy.THROW);

    @Test
    void aWaiterThatCannotHearTheHandOffStillTakesTheLockItWasHanded(TestInfo test) throws Exception {
        String key = test.getDisplayName();
        try (RawRedis raw = new RawRedis(REDIS.uri()); LockService a = service(); LockService b = service()) {
            HeldLock first = a.acquire(key, OPTIONS);
            CompletableFuture<HeldLock> second = CompletableFuture.supplyAsync(() -> b.acquire(key, OPTIONS));
            Eventually.await("b queued", GENEROUS, () -> raw.llen(LockServiceTest.queueKey(key)) == 1);

            a.release(first);

            HeldLock handed = second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(handed);
            assertTrue(handed.token() > first.token());
            b.release(handed);
        }
    }

    static LockService service() {
        return LockServiceTest.service(REDIS.uri());
    }
}
