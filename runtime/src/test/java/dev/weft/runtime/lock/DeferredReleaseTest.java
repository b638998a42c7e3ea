package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * A lock whose method returns inside a transaction is released when that transaction ends (docs/locks.md, "Held
 * until the data is committed"). The transaction here is {@link OpenTransaction}, Weft's own seam standing in for a
 * transaction manager (the real ones are in txsync's tests and the integration tests); Redis is real.
 */
class DeferredReleaseTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final Duration LONG = Duration.ofSeconds(60);
    static final LockOptions NO_WAIT = new LockOptions(LONG, Duration.ZERO, OnBusy.THROW, "DeferredReleaseTest");

    static RawRedis raw;
    final OpenTransaction transaction = new OpenTransaction();
    LockService jvmA;
    LockService jvmB;
    String key;

    /** The thread's one transaction, open until {@link #end()}; what a transaction manager's callbacks do. */
    static final class OpenTransaction implements TransactionEnds {
        volatile boolean open;
        final List<Runnable> ends = new ArrayList<>();

        @Override
        public synchronized void attach(Class<?> woven, PendingRelease release) {
            if (open) {
                ends.add(release.awaitEnd());
            }
        }

        synchronized void begin() {
            open = true;
        }

        /** Commit or rollback alike: the manager tells its synchronizations after either. */
        void end() {
            List<Runnable> told;
            synchronized (this) {
                open = false;
                told = new ArrayList<>(ends);
                ends.clear();
            }
            told.forEach(Runnable::run);
        }
    }

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
        jvmA = LockServiceTest.service(REDIS.uri());
        jvmA.waitFor(transaction);
        jvmB = LockServiceTest.service(REDIS.uri());
        key = "deferred:" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() {
        jvmA.close();
        jvmB.close();
    }

    @Test
    void withNoTransactionTheLockIsReleasedWhenTheMethodReturns() {
        jvmA.release(jvmA.acquire(key, NO_WAIT), DeferredReleaseTest.class);

        assertNull(owner());
        jvmB.release(jvmB.acquire(key, NO_WAIT));
    }

    @Test
    void insideATransactionTheLockIsHeldUntilItEnds() {
        transaction.begin();
        HeldLock held = jvmA.acquire(key, NO_WAIT);
        jvmA.release(held, DeferredReleaseTest.class);

        assertNotNull(owner(), "released before the commit");
        assertThrows(LockUnavailableException.class, () -> jvmB.acquire(key, NO_WAIT));
        assertEquals(1, jvmA.metrics().heldNow());
        assertEquals(List.of(key), jvmA.heldLocks().stream().map(HeldLockInfo::key).toList());
        assertEquals(-1, jvmA.fencingToken(), "no locked method runs, so there is no token to pass on");

        transaction.end();

        assertNull(owner());
        assertEquals(0, jvmA.metrics().heldNow());
        jvmB.release(jvmB.acquire(key, NO_WAIT));
    }

    @Test
    void theControlWithoutWaitingForTransactionsReleasesBeforeTheCommit() {
        LockService unaware = LockServiceTest.service(REDIS.uri());
        try {
            transaction.begin();
            unaware.release(unaware.acquire(key, NO_WAIT), DeferredReleaseTest.class);
            unaware.awaitReleases();

            // the next holder gets in while the first one's work is still uncommitted: the defect this fixes
            HeldLock next = jvmB.acquire(key, NO_WAIT);
            assertNotNull(next);
            jvmB.release(next);
            transaction.end();
        } finally {
            unaware.close();
        }
    }

    @Test
    void theSameThreadReentersItsDeferredLockWithoutRedisAndKeepsItsToken() {
        transaction.begin();
        HeldLock first = jvmA.acquire(key, NO_WAIT);
        jvmA.release(first, DeferredReleaseTest.class);
        raw.resetStats();

        HeldLock again = jvmA.acquire(key, NO_WAIT);

        assertSame(first, again);
        assertEquals(first.token(), jvmA.fencingToken());
        assertEquals(0, raw.scriptRuns(), raw.stats());
        jvmA.release(again, DeferredReleaseTest.class);
        assertNotNull(owner(), "the second call's work is uncommitted too");

        transaction.end();

        assertNull(owner());
        HeldLock next = jvmA.acquire(key, NO_WAIT);
        assertTrue(next.token() > first.token(), "after the release a new grant, with a higher token");
        jvmA.release(next);
    }

    @Test
    void aTransactionEndingWhileTheThreadHoldsTheLockAgainLeavesTheReleaseToThatHold() {
        transaction.begin();
        HeldLock held = jvmA.acquire(key, NO_WAIT);
        jvmA.release(held, DeferredReleaseTest.class);
        assertSame(held, jvmA.acquire(key, NO_WAIT));

        transaction.end(); // say the method commits its own connection

        assertNotNull(owner(), "the method still runs");
        jvmA.release(held, DeferredReleaseTest.class);
        assertNull(owner());
    }

    @Test
    void aTransactionEndingOnAnotherThreadReleasesTheLock() throws Exception {
        transaction.begin();
        HeldLock held = jvmA.acquire(key, NO_WAIT);
        jvmA.release(held, DeferredReleaseTest.class);

        CompletableFuture.runAsync(transaction::end).get(30, TimeUnit.SECONDS); // a JTA timeout's reaper, say

        assertNull(owner());
        HeldLock next = jvmA.acquire(key, NO_WAIT);
        assertTrue(next != held, "the released grant is not re-entered");
        jvmA.release(next);
    }

    @Test
    void theLeaseIsRenewedWhileTheReleaseWaits() {
        Duration lease = Duration.ofMillis(600);
        transaction.begin();
        HeldLock held = jvmA.acquire(key, new LockOptions(lease, Duration.ZERO, OnBusy.THROW, "renewal"));
        jvmA.release(held, DeferredReleaseTest.class);

        long outlived = System.nanoTime() + 3 * lease.toNanos();
        while (System.nanoTime() - outlived < 0) {
            assertNotNull(owner(), "the lease ran out while the release waited");
            Thread.onSpinWait();
        }
        assertEquals(0, jvmA.metrics().lost());
        assertTrue(!held.isLost());

        transaction.end();
        assertNull(owner());
    }

    @Test
    void aTransactionThatCannotBeWaitedForFailsTheMethodAndReleasesTheLock() {
        jvmA.waitFor((woven, release) -> {
            release.awaitEnd();
            throw new IllegalStateException("the transaction manager refused the synchronization");
        });
        HeldLock held = jvmA.acquire(key, NO_WAIT);

        WeftException thrown = assertThrows(WeftException.class,
                () -> jvmA.release(held, DeferredReleaseTest.class));

        assertTrue(thrown.getMessage().contains("released now and the method fails"), thrown.getMessage());
        assertNull(owner());
        assertEquals(0, jvmA.metrics().heldNow());
    }

    /** The owner of the lock in Redis once both JVMs' releases under way have landed. */
    private String owner() {
        jvmA.awaitReleases();
        jvmB.awaitReleases();
        return raw.owner(LockServiceTest.lockKey(key));
    }
}
