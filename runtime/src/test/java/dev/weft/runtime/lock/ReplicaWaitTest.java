package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.RedisWithReplica;
import dev.weft.testkit.Resp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code locks[].replicas} on a master with one replica: a grant that reached the replicas asked for runs the method;
 * one that cannot is released and the call fails closed, saying how many acknowledged, the key and what to do.
 */
class ReplicaWaitTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    static RedisWithReplica redis;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    LockService locks;

    @BeforeAll
    static void startRedis() {
        redis = RedisWithReplica.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void start() {
        locks = service();
    }

    @AfterEach
    void stop() {
        locks.close();
    }

    static LockService service() {
        return new LockService(new RedisSettings(redis.uri(), List.of(), TIMEOUT, "weft:"));
    }

    static LockOptions replicas(int replicas) {
        return new LockOptions(Duration.ofSeconds(30), Duration.ZERO, OnBusy.THROW, OnLost.LOG, LockMode.SINGLE,
                replicas, "ReplicaWaitTest", true);
    }

    /** What a woven method does: lock, run, release. */
    static void runLocked(LockService locks, String key, LockOptions options, Runnable body) {
        HeldLock held = locks.acquire(key, options);
        try {
            body.run();
        } finally {
            locks.release(held);
        }
    }

    @Test
    void aGrantThatReachedTheReplicaRunsTheMethod() {
        AtomicInteger runs = new AtomicInteger();

        runLocked(locks, "sku:1", replicas(1), runs::incrementAndGet);

        assertEquals(1, runs.get());
        assertEquals(1, locks.metrics().acquired());
        assertEquals(0, locks.metrics().errors());
        assertEquals(List.of(), log.errors());
        assertNull(owner("sku:1"), "released");
    }

    @Test
    void moreReplicasThanTheMasterHasFailClosedAndReleaseTheGrant() {
        AtomicInteger runs = new AtomicInteger();

        WeftBackendException e = assertThrows(WeftBackendException.class,
                () -> runLocked(locks, "sku:2", replicas(2), runs::incrementAndGet));

        assertEquals(0, runs.get(), "the method did not run");
        assertTrue(e.getMessage().startsWith("lock \"sku:2\" (ReplicaWaitTest) was granted by Redis at " + redis.uri()
                + ", but only 1 of the 2 replicas it asks for (replicas: 2) acknowledged key weft:lock:{sku:2} within"
                + " 1500ms (Redis WAIT), so it was released"), e.getMessage());
        assertTrue(e.getMessage().endsWith("lower replicas for this lock in weft.yaml, or check the replication of"
                + " that master (INFO replication: connected_slaves and their lag)"), e.getMessage());
        assertEquals(1, locks.metrics().errors());
        assertEquals(0, locks.metrics().heldNow());
        assertNull(owner("sku:2"), "the grant was released");
        assertEquals(-1, locks.fencingToken());
    }

    @Test
    void controlTheSameLockWaitingForNoReplicaRuns() {
        AtomicInteger runs = new AtomicInteger();

        runLocked(locks, "sku:2", replicas(0), runs::incrementAndGet);

        assertEquals(1, runs.get());
        assertEquals(0, locks.metrics().errors());
    }

    @Test
    void aLockHandedOverByAnotherOwnersReleaseIsConfirmedOnTheReplicaToo() throws Exception {
        LockOptions waiting = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(20), OnBusy.THROW,
                OnLost.LOG, LockMode.SINGLE, 1, "ReplicaWaitTest", true);
        AtomicInteger runs = new AtomicInteger();
        try (LockService other = service()) {
            HeldLock first = locks.acquire("sku:3", replicas(1));
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> runLocked(other, "sku:3", waiting, runs::incrementAndGet));
            Eventually.await("the second owner queued", Duration.ofSeconds(20),
                    () -> Resp.call(redis.master().port(), "LLEN", "weft:lock-queue:{sku:3}") instanceof Long n
                            && n > 0);
            assertFalse(second.isDone());

            locks.release(first);
            second.get(20, TimeUnit.SECONDS);

            assertEquals(1, runs.get());
            assertEquals(0, other.metrics().errors());
        }
        assertNull(owner("sku:3"));
    }

    /** The current owner of a lock on the master, or null when free, once this JVM's releases have landed. */
    private Object owner(String key) {
        locks.awaitReleases();
        return Resp.call(redis.master().port(), "HGET", "weft:lock:{" + key + "}", "o");
    }
}
