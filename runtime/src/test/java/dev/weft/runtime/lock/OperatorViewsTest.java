package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What operators see of the locks of a JVM, and what a lost lease does to its holder. */
class OperatorViewsTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final Duration GENEROUS = Duration.ofSeconds(30);

    @RegisterExtension
    final CapturedLog log = new CapturedLog();
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(60), OnBusy.THROW,
            "OperatorViewsTest");

    @Test
    void heldLocksAndWaitersPerKey() throws Exception {
        try (LockService locks = LockServiceTest.service(REDIS.uri())) {
            HeldLock held = locks.acquire("views", OPTIONS);
            CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(
                    () -> LockServiceTest.tokenOfOneHold(locks, "views", OPTIONS));
            Eventually.await("waiting", GENEROUS, () -> locks.waitersByKey().equals(Map.of("views", 1)));

            List<HeldLockInfo> infos = locks.heldLocks();
            assertEquals(1, infos.size());
            HeldLockInfo info = infos.get(0);
            assertEquals("views", info.key());
            assertEquals(Thread.currentThread().getName(), info.holderThread());
            assertEquals(held.token(), info.token());
            assertTrue(info.leaseLeftMillis() > 0 && info.leaseLeftMillis() <= 30_000, info.toString());
            assertFalse(info.lost());

            locks.release(held);
            assertTrue(waiter.get(GENEROUS.toSeconds(), TimeUnit.SECONDS) > held.token());
            assertEquals(List.of(), locks.heldLocks());
            assertEquals(Map.of(), locks.waitersByKey());
            assertEquals(2, locks.metrics().waitTimes().count());
            assertEquals(2, locks.metrics().holdTimes().count());
            assertTrue(locks.metrics().waitNanosP99() >= locks.metrics().waitNanosP50());
        }
    }

    @Test
    void aLostLeaseWithOnLostInterruptInterruptsTheHolderAndTellsTheListeners() throws Exception {
        lose(OnLost.INTERRUPT, true);
    }

    @Test
    void aLostLeaseWithOnLostLogLeavesTheHolderThreadAlone() throws Exception {
        lose(OnLost.LOG, false);
    }

    private void lose(OnLost onLost, boolean interrupted) throws Exception {
        LockOptions options = new LockOptions(Duration.ofMillis(900), Duration.ZERO, OnBusy.THROW, onLost,
                LockMode.SINGLE, "OperatorViewsTest");
        String key = "lost-" + onLost;
        try (LockService locks = LockServiceTest.service(REDIS.uri()); RawRedis raw = new RawRedis(REDIS.uri())) {
            List<HeldLockInfo> told = new CopyOnWriteArrayList<>();
            locks.onLost(told::add);
            CountDownLatch holding = new CountDownLatch(1);
            CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> {
                HeldLock lock = locks.acquire(key, options);
                holding.countDown();
                try {
                    Thread.sleep(GENEROUS.toMillis()); // a long method, blocked
                    return false;
                } catch (InterruptedException e) {
                    return true;
                } finally {
                    locks.release(lock);
                }
            });
            assertTrue(holding.await(GENEROUS.toSeconds(), TimeUnit.SECONDS));

            raw.del(LockServiceTest.lockKey(key));

            Eventually.await("reported", GENEROUS, () -> told.size() == 1);
            assertEquals(key, told.get(0).key());
            assertTrue(told.get(0).lost());
            assertEquals(1, locks.metrics().lost());
            Eventually.await("the loss logged", GENEROUS, () -> !log.errors().isEmpty());
            assertTrue(log.errors().get(0).startsWith("lock \"" + key + "\" (OperatorViewsTest) was lost while held"),
                    String.valueOf(log.errors()));
            if (interrupted) {
                assertTrue(holder.get(GENEROUS.toSeconds(), TimeUnit.SECONDS));
            } else {
                Thread.sleep(300); // room for a wrong interrupt to arrive
                assertFalse(holder.isDone());
                holder.cancel(true);
            }
        }
    }
}
