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
import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnLost;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

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

    /**
     * A hand-off's notice read after its owner already found the lock its own by trying again (acquire.lua: the lock
     * was handed to it between its attempts) is a late copy: the owner keeps its lock. The stranger's notice after it
     * shows what the same message does for an owner that holds nothing here: its lock is released. Before the fix
     * the late copy was taken for such a one and freed the lock its owner held (issue 20, the suspected race).
     */
    @Test
    void aLateCopyOfAHandOffNoticeLeavesTheLockItsOwnerHoldsAlone() throws Exception {
        HeldLock first = jvmB.acquire(key, options(LONG, LONG, OnBusy.THROW));
        CompletableFuture<HeldLock> waiter = CompletableFuture.supplyAsync(
                () -> jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW)));
        Eventually.await("jvmA queued in Redis", Duration.ofSeconds(10),
                () -> raw.llen("weft:lock-queue:{" + key + "}") == 1);
        jvmB.release(first);
        HeldLock second = waiter.get(10, TimeUnit.SECONDS);
        String owner = owner(key);
        String channel = "weft:lock-wake:" + owner.substring(0, owner.indexOf(':'));
        // a waiter queues before its subscription is confirmed (it tries every 10 ms meanwhile), and may be granted
        Eventually.await("jvmA subscribed to its notices", Duration.ofSeconds(10),
                () -> raw.<Map<String, Long>>call(redis -> redis.pubsubNumsub(channel)).get(channel) == 1L);

        publish(channel, owner + " " + second.token() + " " + LONG.toMillis() + " " + lockKey(key));
        String strangersLock = lockKey(key + "-stranger");
        String stranger = owner.substring(0, owner.indexOf(':')) + ":999999";
        raw.hold(strangersLock, stranger, LONG);
        publish(channel, stranger + " 1 " + LONG.toMillis() + " " + strangersLock);
        Eventually.await("the stranger's notice, read after the late copy, released its lock", Duration.ofSeconds(10),
                () -> raw.owner(strangersLock) == null);

        assertEquals(owner, owner(key), "the late copy left the lock with its holder");
        jvmA.release(second);
        assertNull(owner(key));
    }

    private static void publish(String channel, String message) {
        long listeners = raw.<Long>call(redis -> redis.publish(channel, message));
        assertEquals(1, listeners, "one JVM listens on " + channel);
    }

    /**
     * One waiter: its first try queues it at once, then its JVM subscribes to its channel, meanwhile it tries every
     * 10 ms (a hand-off would not be heard, and subscribing takes as long as it takes on this machine), and once more
     * when the subscription is confirmed: from then on it sleeps. Script runs counted after this are not the
     * subscription's.
     */
    private void awaitQueuedSubscribedAndQuiet() {
        Eventually.await("queued and subscribed", GENEROUS,
                () -> raw.llen(queueKey(key)) == 1 && raw.channels("weft:lock-wake:*") == 1);
        Eventually.await("no try for 100 ms", GENEROUS, () -> noScriptRunFor(Duration.ofMillis(100)));
    }

    private static boolean noScriptRunFor(Duration quiet) {
        long before = raw.scriptRuns();
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return raw.scriptRuns() == before;
    }

    static LockService service(String uri) {
        return new LockService(new RedisSettings(uri, List.of(), Duration.ofSeconds(5), "weft:"));
    }

    static LockOptions options(Duration lease, Duration wait, OnBusy onBusy) {
        return new LockOptions(lease, wait, onBusy, "LockServiceTest");
    }

    static String lockKey(String key) {
        return "weft:lock:{" + key + "}";
    }

    static String queueKey(String key) {
        return "weft:lock-queue:{" + key + "}";
    }

    @Test
    void anUncontendedAcquireAndReleaseAreOneScriptRunEach() {
        jvmA.release(jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW)));
        jvmA.awaitReleases();
        raw.resetStats();

        HeldLock lock = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        // Redis counts the commands a script runs, too: EVALSHA plus HGET, TIME, LINDEX (nobody queues), HGET,
        // HSET and PEXPIRE, and nothing else: no follow-up command, no other key written.
        assertEquals(1, raw.scriptRuns(), raw.stats());
        assertEquals(7, raw.commandsRun(), raw.stats());
        assertNotNull(owner(key));

        jvmA.release(lock);
        jvmA.awaitReleases();
        // EVALSHA plus HGET, HDEL, TIME, LINDEX and PEXPIRE (the record keeps the last token); the HGET just above
        // is the test's own. No PUBLISH: nobody waits.
        assertEquals(2, raw.scriptRuns(), raw.stats());
        assertEquals(14, raw.commandsRun(), raw.stats());
        assertNull(owner(key));
        assertEquals(2, jvmA.metrics().acquired());
        assertEquals(0, jvmA.metrics().heldNow());
    }

    @Test
    void aReleasedLockKeepsItsLastTokenUnlessItsOptionsSayNobodyReadsIt() {
        jvmA.release(jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW)));
        jvmA.awaitReleases();
        assertTrue(raw.pttl(lockKey(key)) > 0, "the record of a lock of weft.yaml outlives its release");

        String internal = key + ":internal";
        jvmA.release(jvmA.acquire(internal, new LockOptions(LONG, Duration.ZERO, OnBusy.SKIP, OnLost.LOG,
                LockMode.SINGLE, "one per transaction", false)));
        jvmA.awaitReleases();
        assertEquals(-2, raw.pttl(lockKey(internal)), "no record is left behind");
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
        assertNotNull(owner(key));
        assertEquals(outer.token(), jvmA.fencingToken());

        jvmA.release(outer);
        assertNull(owner(key));
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

    /**
     * The release is answered after the method returned, so a loss it finds is reported but does not interrupt the
     * thread, which runs other code by then. A loss found while the method runs does (OperatorViewsTest).
     */
    @Test
    void aLossFoundByTheReleaseDoesNotInterruptTheThreadWhoseMethodReturned() {
        HeldLock stale = jvmA.acquire(key, new LockOptions(LONG, LONG, OnBusy.THROW, OnLost.INTERRUPT,
                LockMode.SINGLE, "LockServiceTest", true));
        raw.call(redis -> redis.del(lockKey(key))); // its lease is gone, say after a long GC pause

        jvmA.release(stale);
        jvmA.awaitReleases();

        assertTrue(stale.isLost());
        assertEquals(1, jvmA.metrics().lost());
        assertFalse(Thread.interrupted(), "interrupted after its method had returned");
        assertLossLoggedOnce(key);
    }

    @Test
    void aReleaseNeverDeletesTheLockOfTheNextOwner() {
        HeldLock stale = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        raw.call(redis -> redis.pexpire(lockKey(key), 1)); // its lease runs out, say after a long GC pause
        Eventually.await("expired", GENEROUS, () -> owner(key) == null);
        HeldLock current = jvmB.acquire(key, options(LONG, Duration.ZERO, OnBusy.THROW));
        String currentOwner = owner(key);

        jvmA.release(stale);
        jvmA.awaitReleases();

        assertEquals(currentOwner, owner(key));
        assertTrue(stale.isLost());
        assertEquals(1, jvmA.metrics().lost());
        assertEquals(0, jvmA.metrics().heldNow());
        assertLossLoggedOnce(key);
        jvmB.release(current);
        assertNull(owner(key));
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
        assertEquals(0, raw.channels("weft:lock-wake:*"));
        assertEquals(0, raw.llen(queueKey(key)));
        jvmA.release(held);
    }

    @Test
    void aReleaseHandsTheLockToTheWaiterInTheSameRoundTripNotByPolling() throws Exception {
        HeldLock held = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));

        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(
                () -> tokenOfOneHold(jvmB, key, options(LONG, Duration.ofSeconds(120), OnBusy.THROW)));
        awaitQueuedSubscribedAndQuiet();
        raw.resetStats();
        Thread.sleep(300); // room for a polling implementation to give itself away
        assertEquals(0, raw.scriptRuns());
        assertFalse(waiter.isDone());

        jvmA.release(held);
        long handedOver = waiter.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        jvmB.awaitReleases();

        // The release, which granted the lock to the waiter and told it so, and the waiter's own release: the
        // waiter took the lock without another call. The 60s lease was far from over.
        assertEquals(2, raw.scriptRuns(), raw.stats());
        assertTrue(handedOver > held.token());
        assertEquals(0, raw.llen(queueKey(key)));
    }

    @Test
    void aCrashedHoldersLockFreesTheWaiterWhenItsLeaseRunsOut() throws Exception {
        raw.hold(lockKey(key), "crashed-1:1", Duration.ofMillis(2000));

        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(
                () -> tokenOfOneHold(jvmB, key, options(LONG, Duration.ofSeconds(120), OnBusy.THROW)));
        awaitQueuedSubscribedAndQuiet();
        raw.resetStats();
        long token = waiter.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        jvmB.awaitReleases();

        assertTrue(token > 0);
        // Tries: one when the lease ran out (one more if a millisecond was left), then the release.
        assertTrue(raw.scriptRuns() <= 3, "script runs: " + raw.scriptRuns());
    }

    @Test
    void anInterruptedThreadStillTakesAFreeLockAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();
        try {
            HeldLock lock = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
            jvmA.release(lock);
            assertNull(owner(key));
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
        Eventually.await("waiting", GENEROUS, () -> raw.llen(queueKey(key)) == 1);

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
        assertNull(owner(key));
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
        assertLossLoggedOnce(key);
    }

    /** A lost lock is an error in the log, one line naming the key; captured here, since this test provokes it. */
    private void assertLossLoggedOnce(String key) {
        Eventually.await("the loss logged", GENEROUS, () -> !log.errors().isEmpty());
        assertEquals(1, log.errors().size(), String.valueOf(log.errors()));
        assertTrue(log.errors().get(0).startsWith("lock \"" + key + "\" (LockServiceTest) was lost while held"),
                log.errors().get(0));
    }

    @Test
    void fencingTokensFollowTheLocksRecordAndTheServerClock() {
        long ahead = (System.currentTimeMillis() + 3_600_000L) * 1000;
        raw.call(redis -> redis.hset(lockKey(key), "t", Long.toString(ahead)));
        HeldLock first = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        assertEquals(ahead + 1 << Lease.LOCAL_BITS, first.token());
        jvmA.release(first);
        // The free lock keeps its record, and nothing else, for the retention time.
        assertEquals(Long.toString(ahead + 1), raw.call(redis -> redis.hget(lockKey(key), "t")));
        assertTrue(raw.pttl(lockKey(key)) > LockScripts.RETENTION.toMillis() - GENEROUS.toMillis());

        raw.del(lockKey(key)); // as a restart without persistence would: the server clock takes over
        HeldLock second = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        jvmA.release(second);
        HeldLock third = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        jvmA.release(third);
        assertTrue(second.token() > System.currentTimeMillis() * 1000 - 3_600_000_000L << Lease.LOCAL_BITS);
        assertTrue(third.token() > second.token());
    }

    @Test
    void scriptsAreSentAgainWhenRedisForgotThem() {
        jvmA.release(jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW)));
        raw.call(redis -> redis.scriptFlush());

        HeldLock lock = jvmA.acquire(key, options(LONG, LONG, OnBusy.THROW));
        assertNotNull(owner(key));
        jvmA.release(lock);
        assertNull(owner(key));
    }

    /**
     * A release does not wait for its reply, and one answered NOSCRIPT is sent again behind the acquire that followed
     * it at once; that acquire, finding the key still held by this JVM's previous owner, waits for the release and
     * tries again instead of reporting the lock busy.
     */
    @Test
    void theNextAcquireOfThisJvmIsNotRefusedByItsOwnReleaseStillUnderWay() {
        LockOptions noWait = options(LONG, Duration.ZERO, OnBusy.THROW);
        HeldLock first = jvmA.acquire(key, noWait);
        raw.call(redis -> redis.scriptFlush());
        HeldLock other = jvmB.acquire(key + ":other", noWait); // Redis has the acquire script again, not the release
        jvmA.release(first);

        HeldLock next = jvmA.acquire(key, noWait);

        assertTrue(next.token() > first.token());
        jvmA.release(next);
        jvmB.release(other);
        assertNull(owner(key));
    }

    /** The owner of {@code key}'s lock in Redis once both JVMs' releases under way have landed. */
    private String owner(String key) {
        jvmA.awaitReleases();
        jvmB.awaitReleases();
        return raw.owner(lockKey(key));
    }

    /** Takes and releases the lock on the calling thread, as woven code does; returns the grant's token. */
    static long tokenOfOneHold(LockService service, String key, LockOptions options) {
        HeldLock lock = service.acquire(key, options);
        service.release(lock);
        return lock.token();
    }
}
