package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.testkit.RedisSentinelGroup;
import dev.weft.testkit.Resp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Locks through {@code redis-sentinel://}: they work, and after the master is killed they resume on the replica that
 * Sentinel promotes, without any change to the configuration. Meanwhile calls fail closed.
 */
class SentinelFailoverTest {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Far above the failover the group's settings give (master down after 1 s, then the election): only a bound. */
    static final Duration RESUMES_WITHIN = Duration.ofSeconds(30);
    static final long PAUSE_BETWEEN_CALLS_MILLIS = 50;
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ZERO, OnBusy.THROW,
            "SentinelFailoverTest");

    @Test
    void locksResumeOnThePromotedReplicaAfterTheMasterIsKilled() throws InterruptedException {
        try (RedisSentinelGroup group = RedisSentinelGroup.start();
             LockService locks = new LockService(new RedisSettings(group.uri(), List.of(), TIMEOUT, "weft:"))) {
            long before = tokenOfOneCall(locks);
            locks.awaitReleases(); // freed on the first master before it dies: the failover test starts settled
            assertNotNull(Resp.call(group.master().port(), "HGET", "weft:lock:{sku:1}", "t"), "on the first master");

            group.master().kill();
            long killed = System.nanoTime();
            long deadline = killed + RESUMES_WITHIN.toNanos();
            int failed = 0;
            WeftBackendException first = null;
            long after = -1;
            while (after < 0) {
                try {
                    after = tokenOfOneCall(locks);
                } catch (WeftBackendException e) {
                    failed++;
                    first = first == null ? e : first;
                    assertTrue(System.nanoTime() < deadline, "locks did not resume within " + RESUMES_WITHIN
                            + " of the master's death; " + failed + " calls failed, the last with " + e.getMessage());
                    Thread.sleep(PAUSE_BETWEEN_CALLS_MILLIS);
                }
            }
            long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            System.out.println("SentinelFailoverTest: locks resumed " + resumedMillis + " ms after the master was"
                    + " killed; " + failed + " calls failed meanwhile (one every " + PAUSE_BETWEEN_CALLS_MILLIS
                    + " ms at most), the first with: " + (first == null ? "none" : first.getMessage()));

            assertEquals(group.replica().port(), group.currentMasterPort(), "Sentinel promoted the replica");
            assertNotNull(Resp.call(group.replica().port(), "HGET", "weft:lock:{sku:1}", "t"), "on the new master");
            assertTrue(after > before, "the fencing token still increases: " + before + " then " + after);
            assertEquals(failed, locks.metrics().errors());
        }
    }

    /** A locked call: the grant's fencing token, the lock released again. */
    private static long tokenOfOneCall(LockService locks) {
        HeldLock held = locks.acquire("sku:1", OPTIONS);
        try {
            return locks.fencingToken();
        } finally {
            locks.release(held);
        }
    }
}
