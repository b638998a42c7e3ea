package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** mode: redlock over five real redis-server processes, with nodes killed and stopped. */
class RedLockTest {
    static final int NODES = 5;
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final String KEY = "sku:1";

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    final List<RedisServer> servers = new ArrayList<>();
    final List<RawRedis> raws = new ArrayList<>();
    LockService locks;

    @BeforeEach
    void start() {
        for (int i = 0; i < NODES; i++) {
            servers.add(RedisServer.start());
        }
        servers.forEach(server -> raws.add(new RawRedis(server.uri())));
        locks = service(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        locks.close();
        raws.forEach(RawRedis::close);
        servers.forEach(RedisServer::close);
    }

    LockService service(Duration timeout) {
        return new LockService(new RedisSettings(servers.get(0).uri(),
                servers.stream().map(RedisServer::uri).toList(), timeout, "weft:"));
    }

    static LockOptions options(Duration lease, Duration wait) {
        return new LockOptions(lease, wait, OnBusy.THROW, OnLost.LOG, LockMode.REDLOCK, "RedLockTest");
    }

    @Test
    void aGrantHoldsOnEveryLiveNodeAndItsTokenIsTheLargestOfTheMajority() {
        long ahead = (System.currentTimeMillis() + 3_600_000L) * 1000;
        // Three of five nodes remember a token an hour ahead: every majority has at least one of them.
        for (int i : new int[] {0, 2, 3}) {
            raws.get(i).call(redis -> redis.hset(LockServiceTest.lockKey(KEY), "t", Long.toString(ahead)));
        }

        HeldLock lock = locks.acquire(KEY, options(Duration.ofSeconds(30), Duration.ZERO));

        long tokenOfAMajority = lock.token() >> Lease.LOCAL_BITS;
        assertTrue(tokenOfAMajority == ahead + 1, "token " + tokenOfAMajority + ", ahead " + ahead);
        String owner = raws.get(0).owner(LockServiceTest.lockKey(KEY));
        assertNotNull(owner);
        Eventually.await("held everywhere", GENEROUS, () -> raws.stream().allMatch(r -> owner.equals(r.owner(
                LockServiceTest.lockKey(KEY)))));
        locks.release(lock);
        // Every node learnt the token of the majority, so the next grant is above it whichever majority it gets.
        for (RawRedis raw : raws) {
            Eventually.await("released, token raised", GENEROUS, () -> raw.owner(LockServiceTest.lockKey(KEY)) == null
                    && Long.parseLong(raw.call(redis -> redis.hget(LockServiceTest.lockKey(KEY), "t"))) >= ahead + 1);
        }
        // A minority forgets the key: every majority still holds a node that knows the raised token. (Were a
        // majority to forget it, only the server clocks would order the tokens, as docs/redlock.md says.)
        for (int i : new int[] {0, 2}) {
            raws.get(i).del(LockServiceTest.lockKey(KEY));
        }
        HeldLock next = locks.acquire(KEY, options(Duration.ofSeconds(30), Duration.ZERO));
        assertTrue(next.token() > lock.token());
        locks.release(next);
    }

    @Test
    void twoOfFiveNodesKilledStillGrantTheLock() {
        servers.get(1).kill();
        servers.get(3).kill();

        HeldLock lock = locks.acquire(KEY, options(Duration.ofSeconds(30), Duration.ZERO));

        assertTrue(lock.token() > 0);
        assertEquals(0, locks.metrics().lost());
        locks.release(lock);
        assertEquals(0, locks.metrics().lost());
    }

    @Test
    void threeOfFiveNodesKilledFailFastAndClearlyInsteadOfWaiting() {
        servers.get(0).kill();
        servers.get(2).kill();
        servers.get(4).kill();

        WeftBackendException e = assertTimeoutPreemptively(GENEROUS, () -> assertThrows(WeftBackendException.class,
                () -> locks.acquire(KEY, options(Duration.ofSeconds(30), Duration.ofSeconds(120)))));

        assertTrue(e.getMessage().startsWith("3 of 5 Redis nodes in redis.nodes failed to lock \"sku:1\""
                + " (RedLockTest); a majority of 3 must answer; first problem: cannot reach Redis at "), e.getMessage());
        assertEquals(-1, locks.fencingToken());
        for (int i : new int[] {1, 3}) {
            RawRedis raw = raws.get(i);
            Eventually.await("released on the nodes that granted it", GENEROUS,
                    () -> raw.owner(LockServiceTest.lockKey(KEY)) == null);
        }
    }

    @Test
    void aSplitVoteIsReleasedOnEveryNodeThatGrantedIt() {
        for (int i = 0; i < 3; i++) {
            raws.get(i).hold(LockServiceTest.lockKey(KEY), "other-jvm:1", Duration.ofMinutes(5));
        }

        assertThrows(LockUnavailableException.class,
                () -> locks.acquire(KEY, options(Duration.ofSeconds(30), Duration.ZERO)));

        for (int i = 3; i < NODES; i++) {
            RawRedis raw = raws.get(i);
            // It did grant there (the record has a token, and a lock that had expired would have no record) ...
            // and was released there after the failed attempt. (The attempt may return before the node runs it.)
            Eventually.await("granted, then released", GENEROUS,
                    () -> raw.call(redis -> redis.hget(LockServiceTest.lockKey(KEY), "t")) != null
                            && raw.owner(LockServiceTest.lockKey(KEY)) == null);
        }
    }

    @Test
    void aGrantThatArrivesAfterItsValidityIsNotGranted() throws Exception {
        assertThrows(LockUnavailableException.class,
                () -> acquireWhileStopped(Duration.ofMillis(800), Duration.ofMillis(1500)));
        assertEquals(1, locks.metrics().acquired(), "only the warm-up");
    }

    @Test
    void theSameStopWithALongerLeaseIsGranted() throws Exception {
        HeldLock lock = acquireWhileStopped(Duration.ofSeconds(30), Duration.ofMillis(1500));
        assertTrue(lock.token() > 0);
        locks.release(lock);
    }

    /** Stops three nodes, so that no majority can answer, and lets them go on after {@code stopped}. */
    private HeldLock acquireWhileStopped(Duration lease, Duration stopped) throws Exception {
        locks.release(locks.acquire("warm-up", options(Duration.ofSeconds(30), Duration.ZERO)));
        List<RedisServer> paused = List.of(servers.get(0), servers.get(1), servers.get(2));
        paused.forEach(RedisServer::pause);
        CompletableFuture<Void> resume = CompletableFuture.runAsync(() -> {
            sleep(stopped.toMillis());
            paused.forEach(RedisServer::resume);
        });
        try {
            return locks.acquire(KEY, options(lease, Duration.ZERO));
        } finally {
            resume.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aRenewalThatOnlyAMinorityConfirmsLosesTheLease() {
        HeldLock lock = locks.acquire(KEY, options(Duration.ofSeconds(1), Duration.ZERO));
        servers.get(0).kill();
        servers.get(1).kill();
        servers.get(2).kill();

        Eventually.await("lost", GENEROUS, lock::isLost);
        assertEquals(1, locks.metrics().lost());
        Eventually.await("the loss logged", GENEROUS, () -> !log.errors().isEmpty());
        assertTrue(log.errors().get(0).startsWith("lock \"" + KEY + "\" (RedLockTest) was lost while held"),
                String.valueOf(log.errors()));
        locks.release(lock);
    }

    @Test
    void aRenewalThatAMajorityConfirmsKeepsTheLease() throws Exception {
        HeldLock lock = locks.acquire(KEY, options(Duration.ofSeconds(1), Duration.ZERO));
        servers.get(0).kill();
        servers.get(1).kill();

        Thread.sleep(3000); // three leases long
        assertFalse(lock.isLost());
        locks.release(lock);
        assertEquals(0, locks.metrics().lost());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
