package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockUnavailableException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One lock at a time, against a real redis-server; two services stand for two JVMs. */
class LockServiceTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final Duration LONG = Duration.ofSeconds(60);
    static final Duration GENEROUS = Duration.ofSeconds(30);

    static RawRedis raw;
    LockService jvmA;
    LockService jvmB;
    String key;

    @BeforeAll
    static void connectRaw() {
        raw = new RawRedis(REDIS.uri());
    }

    @AfterAll
    static void closeRaw() {
        raw.close();
    }

    @BeforeEach
    void start(TestInfo test) {
        jvmA = service(REDIS.uri());
        jvmB = service(REDIS.uri());
        key = "test:" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() {
        jvmA.close();
        jvmB.close();
    }

    static LockService service(String uri) {
        return new LockService(new RedisSettings(uri, List.of(), Duration.ofSeconds(5), "weft:"));
    }

    static LockOptions options(Duration lease, Duration wait, OnBusy onBusy) {
        return new LockOptions(lease, wait, onBusy, "LockServiceTest");
    }

    static String lockKey(String key) {
        return "weft:lock:" + key;
    }

    @Test
    void anUncontendedAcquireAndReleaseAreOneScriptRunEach() {
        jvmA.release(jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW)));
        raw.resetStats();

        HeldLock lock = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        // Redis counts the commands a script runs, too: EVALSHA plus SET, TIME, GET and SET, and nothing else.
        assertEquals(1, raw.scriptRuns(), raw.stats());
        assertEquals(5, raw.commandsRun(), raw.stats());
        assertNotNull(raw.get(lockKey(key)));

        jvmA.release(lock);
        // EVALSHA plus GET, DEL and PUBLISH; the GET just above is the test's own.
        assertEquals(2, raw.scriptRuns(), raw.stats());
        assertEquals(10, raw.commandsRun(), raw.stats());
        assertNull(raw.get(lockKey(key)));
        assertEquals(2, jvmA.metrics().acquired());
        assertEquals(0, jvmA.metrics().heldNow());
    }

    @Test
    void aThreadReentersItsLockWithoutRedisAndOnlyTheOutermostReleaseFreesIt() {
        HeldLock outer = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        raw.resetStats();

        HeldLock inner = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        assertSame(outer, inner);
        assertEquals(0, raw.commandsRun(), raw.stats());

        jvmA.release(inner);
        assertEquals(0, raw.commandsRun(), raw.stats());
        assertNotNull(raw.get(lockKey(key)));
        assertEquals(outer.token(), jvmA.fencingToken());

        jvmA.release(outer);
        assertNull(raw.get(lockKey(key)));
        assertEquals(1, jvmA.metrics().acquired());
        assertEquals(-1, jvmA.fencingToken());
    }

    @Test
    void theFencingTokenIsTheInnermostHeldLocks() {
        assertEquals(-1, jvmA.fencingToken());
        HeldLock first = jvmA.acquire(key + ":1", options(LONG, LONG, OnBusy.THROW));
        HeldLock second = jvmA.acquire(key + ":2", options(LONG, LONG, OnBusy.THROW));
        assertEquals(second.token(), jvmA.fencingToken());
        HeldLock firstAgain = jvmA.acquire(key + ":1", options(LONG, LONG, OnBusy.THROW));
        assertEquals(first.token(), jvmA.fencingToken());

        jvmA.release(firstAgain);
        assertEquals(second.token(), jvmA.fencingToken());
        jvmA.release(second);
        assertEquals(first.token(), jvmA.fencingToken());
        jvmA.release(first);
        assertEquals(-1, jvmA.fencingToken());
    }

    @Test
    void aReleaseNeverDeletesTheLockOfTheNextOwner() {
        HeldLock stale = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        raw.call(redis -> redis.pexpire(lockKey(key), 1)); // its lease runs out, say after a long GC pause
        Eventually.await("expired", GENEROUS, () -> raw.get(lockKey(key)) == null);
        HeldLock current = jvmB.acquire(key, options(LONG, Duration.ZERO, OnBusy.THROW));
        String currentOwner = raw.get(lockKey(key));

        jvmA.release(stale);

        assertEquals(currentOwner, raw.get(lockKey(key)));
        assertTrue(stale.isLost());
        assertEquals(1, jvmA.metrics().lost());
        assertEquals(0, jvmA.metrics().heldNow());
        jvmB.release(current);
        assertNull(raw.get(lockKey(key)));
        assertFalse(current.isLost());
        assertEquals(0, jvmB.metrics().lost());
    }

    @Test
    void aLockStillBusyAfterTheWaitThrowsWhenOnBusyIsThrow() {
        HeldLock held = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));

        LockUnavailableException busy = assertThrows(LockUnavailableException.class,
                () -> jvmB.acquire(key, options(LONG, Duration.ofMillis(200), OnBusy.THROW)));

        assertTrue(busy.getMessage().contains("\"" + key + "\" (LockServiceTest)"), busy.getMessage());
        assertTrue(busy.getMessage().contains("200ms"), busy.getMessage());
        assertEquals(1, jvmB.metrics().busy());
        assertEquals(0, jvmB.metrics().heldNow());
        assertEquals(-1, jvmB.fencingToken());
        jvmA.release(held);
    }

    @Test
    void aLockStillBusyAfterTheWaitReturnsNullWhenOnBusyIsSkip() {
        HeldLock held = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));

        assertNull(jvmB.acquire(key, options(LONG, Duration.ofMillis(200), OnBusy.SKIP)));

        assertEquals(1, jvmB.metrics().busy());
        jvmA.release(held);
    }

    @Test
    void waitZeroTriesOnceAndDoesNotSubscribe() {
        HeldLock held = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        raw.resetStats();

        assertNull(jvmB.acquire(key, options(LONG, Duration.ZERO, OnBusy.SKIP)));
        LockUnavailableException busy = assertThrows(LockUnavailableException.class,
                () -> jvmB.acquire(key, options(LONG, Duration.ZERO, OnBusy.THROW)));

        assertTrue(busy.getMessage().contains("wait: 0"), busy.getMessage());
        assertEquals(2, raw.scriptRuns());
        assertEquals(0, raw.subscribers(lockKey(key)));
        jvmA.release(held);
    }

    @Test
    void aWaiterIsWokenByTheReleaseNotByPolling() throws Exception {
        HeldLock held = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        raw.resetStats();

        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(
                () -> tokenOfOneHold(jvmB, key, options(LONG, Duration.ofSeconds(120), OnBusy.THROW)));
        // A first try, then the subscription, then one more try: from then on the waiter sleeps.
        Eventually.await("subscribed and tried twice", GENEROUS,
                () -> raw.subscribers(lockKey(key)) == 1 && raw.scriptRuns() == 2);
        Thread.sleep(300); // room for a polling implementation to give itself away
        assertEquals(2, raw.scriptRuns());
        assertFalse(waiter.isDone());

        jvmA.release(held);
        long handedOver = waiter.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

        // The release, the woken waiter's winning try and its release; the 60s lease was far from over.
        assertEquals(5, raw.scriptRuns());
        assertTrue(handedOver > held.token());
        Eventually.await("unsubscribed", GENEROUS, () -> raw.subscribers(lockKey(key)) == 0);
    }

    @Test
    void aCrashedHoldersLockFreesTheWaiterWhenItsLeaseRunsOut() throws Exception {
        raw.set(lockKey(key), "a holder that crashed and will never publish", Duration.ofMillis(800));
        raw.resetStats();

        long token = CompletableFuture.supplyAsync(
                        () -> tokenOfOneHold(jvmB, key, options(LONG, Duration.ofSeconds(120), OnBusy.THROW)))
                .get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

        assertTrue(token > 0);
        // Tries: the first, one after subscribing, one when the lease ran out (one more if a millisecond was
        // left), then the release.
        assertTrue(raw.scriptRuns() <= 5, "script runs: " + raw.scriptRuns());
    }

    @Test
    void anInterruptedThreadStillTakesAFreeLockAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();
        try {
            HeldLock lock = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
            jvmA.release(lock);
            assertNull(raw.get(lockKey(key)));
        } finally {
            assertTrue(Thread.interrupted());
        }
    }

    @Test
    void interruptingAWaiterEndsItsWaitAsIfTheWaitHadElapsed() throws Exception {
        HeldLock held = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        CompletableFuture<Thread> waiterThread = new CompletableFuture<>();
        CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
            waiterThread.complete(Thread.currentThread());
            try {
                jvmB.acquire(key, options(LONG, Duration.ofSeconds(120), OnBusy.THROW));
                return "acquired";
            } catch (LockUnavailableException e) {
                return "busy, interrupted: " + Thread.interrupted();
            }
        });
        Eventually.await("waiting", GENEROUS, () -> raw.subscribers(lockKey(key)) == 1);

        waiterThread.get().interrupt();

        assertEquals("busy, interrupted: true", outcome.get(GENEROUS.toSeconds(), TimeUnit.SECONDS));
        jvmA.release(held);
    }

    @Test
    void renewalKeepsTheLockWhileItIsHeld() throws Exception {
        Duration lease = Duration.ofMillis(1200);
        HeldLock held = jvmA.acquire(key, options(lease, LONG, OnBusy.THROW));

        Thread.sleep(lease.toMillis() * 3); // held three leases long

        assertFalse(held.isLost());
        assertTrue(raw.pttl(lockKey(key)) > 0);
        assertNull(jvmB.acquire(key, options(lease, Duration.ZERO, OnBusy.SKIP)));
        jvmA.release(held);
        assertNull(raw.get(lockKey(key)));
        assertEquals(0, jvmA.metrics().lost());
    }

    @Test
    void aLockDeletedBehindItsBackIsReportedLostOnce() {
        HeldLock held = jvmA.acquire(key, options(Duration.ofMillis(600), LONG, OnBusy.THROW));

        raw.del(lockKey(key));

        Eventually.await("lost", GENEROUS, held::isLost);
        assertEquals(1, jvmA.metrics().lost());
        assertEquals(held.token(), jvmA.fencingToken());
        jvmA.release(held);
        assertEquals(1, jvmA.metrics().lost());
        assertEquals(0, jvmA.metrics().heldNow());
    }

    @Test
    void fencingTokensFollowTheStoredRecordAndTheServerClock() {
        long ahead = System.currentTimeMillis() * 1000 + 3_600_000_000L;
        raw.call(redis -> redis.set("weft:lock-fence:" + key, Long.toString(ahead)));
        HeldLock first = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        assertEquals(ahead + 1, first.token());
        jvmA.release(first);

        raw.del("weft:lock-fence:" + key);
        HeldLock second = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        jvmA.release(second);
        HeldLock third = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        jvmA.release(third);
        assertTrue(third.token() > second.token());
        assertTrue(raw.pttl("weft:lock-fence:" + key) > 0);
    }

    @Test
    void scriptsAreSentAgainWhenRedisForgotThem() {
        jvmA.release(jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW)));
        raw.call(redis -> redis.scriptFlush());

        HeldLock lock = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        assertNotNull(raw.get(lockKey(key)));
        jvmA.release(lock);
        assertNull(raw.get(lockKey(key)));
    }

    /** Takes and releases the lock on the calling thread, as woven code does; returns the grant's token. */
    static long tokenOfOneHold(LockService service, String key, LockOptions options) {
        HeldLock lock = service.acquire(key, options);
        service.release(lock);
        return lock.token();
    }
}
