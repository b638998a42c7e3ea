package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RedLock: an attempt is decided as soon as a majority said busy, before the last node answered. That waiter must
 * keep its place in the queues of the nodes that said busy, or the holder's release wakes nobody and the waiter sleeps
 * until its retry at a third of its lease while the lock is free (GrantHistoryTest's soak saw a 3.3 s wait, 2.8 s of
 * it with the key free). Here the last node is stopped (SIGSTOP) during the attempt, so that its reply surely comes
 * after the decision; the lease is long, so that sleeping until a third of it fails the test by a timeout.
 */
class RedLockLateReplyTest {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    /** A third of it, 40 s, is far more than {@link #WAKE_UP}. */
    static final Duration LEASE = Duration.ofSeconds(120);
    static final Duration WAKE_UP = Duration.ofSeconds(10);
    static final LockOptions OPTIONS = new LockOptions(LEASE, Duration.ofSeconds(120), OnBusy.THROW, OnLost.LOG,
            LockMode.REDLOCK, "RedLockLateReplyTest");

    final List<RedisServer> servers = new ArrayList<>();
    final List<RawRedis> raws = new ArrayList<>();
    LockService holder;
    LockService waiter;

    @BeforeEach
    void start() {
        for (int i = 0; i < 3; i++) {
            servers.add(RedisServer.start());
        }
        servers.forEach(server -> raws.add(new RawRedis(server.uri())));
        holder = service();
        waiter = service();
    }

    @AfterEach
    void stop() {
        servers.forEach(RedisServer::resume);
        holder.close();
        waiter.close();
        raws.forEach(RawRedis::close);
        servers.forEach(RedisServer::close);
    }

    LockService service() {
        return new LockService(new RedisSettings(servers.get(0).uri(),
                servers.stream().map(RedisServer::uri).toList(), Duration.ofSeconds(10), "weft:"));
    }

    @Test
    void aWaiterDecidedBeforeTheLastNodeAnsweredIsWokenByTheRelease() throws Exception {
        hearNotices();
        HeldLock held = holder.acquire("sku:1", OPTIONS);
        RedisServer late = servers.get(2);
        raws.get(2).resetStats();
        late.pause();

        CompletableFuture<Thread> thread = new CompletableFuture<>();
        CompletableFuture<HeldLock> second = CompletableFuture.supplyAsync(() -> {
            thread.complete(Thread.currentThread());
            return waiter.acquire("sku:1", OPTIONS);
        }, runnable -> new Thread(runnable, "waiter").start());
        Thread sleeper = thread.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        // Parked on its Acquisition: its first attempt is decided (two nodes said busy) and it sleeps until a notice.
        Eventually.await("the waiter asleep after its attempt", GENEROUS,
                () -> LockSupport.getBlocker(sleeper) instanceof Acquisition);
        late.resume();
        // The stopped node ran the attempt and what followed it: its reply came, late.
        Eventually.await("the late node answered", GENEROUS, () -> raws.get(2).scriptRuns() >= 2);

        holder.release(held);

        HeldLock granted;
        try {
            granted = second.get(WAKE_UP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the lock was released, but the waiter was not woken within " + WAKE_UP
                    + " (it retries only after a third of its lease, " + LEASE.dividedBy(3).toSeconds() + " s)", e);
        }
        assertTrue(granted.token() > held.token());
        waiter.release(granted);
    }

    /** The waiter's JVM subscribes at its first busy answer: done here on another key, so that it hears notices. */
    private void hearNotices() throws Exception {
        HeldLock warmUp = holder.acquire("warm-up", OPTIONS);
        CompletableFuture<HeldLock> second = CompletableFuture.supplyAsync(() -> waiter.acquire("warm-up", OPTIONS));
        Eventually.await("the waiter hears notices", GENEROUS, () -> waiter.hearsNotices(LockMode.REDLOCK));
        holder.release(warmUp);
        waiter.release(second.get(GENEROUS.toSeconds(), TimeUnit.SECONDS));
    }
}
