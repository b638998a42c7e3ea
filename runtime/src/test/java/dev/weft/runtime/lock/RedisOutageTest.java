package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis gone, stopped or back: the lock fails fast and loudly, never hangs, and recovers. */
class RedisOutageTest {
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(1), OnBusy.THROW,
            "RedisOutageTest");

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    RedisServer server;
    LockService locks;

    @BeforeEach
    void start() {
        server = RedisServer.start();
        locks = service(server.uri());
    }

    @AfterEach
    void stop() {
        locks.close();
        server.close();
    }

    static LockService service(String uri) {
        return new LockService(new RedisSettings(uri, List.of(), TIMEOUT, "weft:"));
    }

    @Test
    void aRedisThatIsNotThereFailsTheAcquireWithAMessageSayingWhatToCheck() throws IOException {
        String uri = "redis://127.0.0.1:" + unusedPort();
        try (LockService nowhere = service(uri)) {
            nowhere.startConnecting(LockMode.SINGLE);

            WeftBackendException e = acquireFails(nowhere, "sku:1", OPTIONS);

            assertTrue(e.getMessage().startsWith("cannot reach Redis at " + uri + " to lock \"sku:1\" (RedisOutageTest) ("),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; check redis.uri in weft.yaml and that Redis is running"), e.getMessage());
            assertEquals(1, nowhere.metrics().errors());
            assertEquals(-1, nowhere.fencingToken());
        }
    }

    @Test
    void aFirstConnectionThatTimesOutIsMadeAgainWithinTheWait() {
        LockOptions waitLong = new LockOptions(GENEROUS, GENEROUS, OnBusy.THROW, "RedisOutageTest");
        server.pause();
        CompletableFuture<HeldLock> acquired;
        try {
            acquired = CompletableFuture.supplyAsync(() -> locks.acquire("sku:1", waitLong));
            Eventually.await("the first attempt timed out", GENEROUS, () -> !log.warnings().isEmpty());
        } finally {
            server.resume();
        }

        HeldLock lock = assertTimeoutPreemptively(GENEROUS, () -> acquired.join());
        assertNotNull(lock);
        locks.release(lock);
        assertTrue(log.warnings().get(0).startsWith("Redis at " + server.uri() + " did not answer within 500ms to lock"
                + " \"sku:1\" (RedisOutageTest); "), log.warnings().get(0));
        assertTrue(log.warnings().get(0).endsWith("; connecting again, for up to 30s (the call's wait)"),
                log.warnings().get(0));
    }

    /** The control of the test above: without a wait, the first timed-out attempt is the answer. */
    @Test
    void aFirstConnectionThatTimesOutFailsACallWithoutWait() {
        LockOptions noWait = new LockOptions(GENEROUS, Duration.ZERO, OnBusy.THROW, "RedisOutageTest");
        server.pause();
        try {
            WeftBackendException e = acquireFails(locks, "sku:1", noWait);
            assertTrue(e.getMessage().startsWith("Redis at " + server.uri() + " did not answer within 500ms to lock"),
                    e.getMessage());
            assertEquals(List.of(), log.warnings());
        } finally {
            server.resume();
        }
    }

    @Test
    void aKilledRedisFailsTheAcquireAndARestartedOneIsUsedAgain() {
        locks.release(locks.acquire("sku:1", OPTIONS));

        server.kill();
        WeftBackendException e = acquireFails(locks, "sku:1", OPTIONS);
        // Refused, or timed out when the command went out before the client saw the connection drop.
        assertTrue(e.getMessage().startsWith("cannot reach Redis at " + server.uri())
                || e.getMessage().startsWith("Redis at " + server.uri() + " did not answer"), e.getMessage());

        server.restart();
        HeldLock lock = acquireOnceReconnected(locks, "sku:1", OPTIONS);
        assertNotNull(lock);
        locks.release(lock);
        assertEquals(0, locks.metrics().heldNow());
        assertTrue(locks.metrics().errors() >= 1);
    }

    @Test
    void aRedisThatDoesNotAnswerFailsTheAcquireWithinTheTimeout() {
        locks.release(locks.acquire("sku:1", OPTIONS));
        server.pause();
        try {
            WeftBackendException e = acquireFails(locks, "sku:2", OPTIONS);
            assertTrue(e.getMessage().startsWith("Redis at " + server.uri() + " did not answer within 500ms to lock"),
                    e.getMessage());
        } finally {
            server.resume();
        }
    }

    @Test
    void aLeaseThatRunsOutWhileRedisIsStoppedIsReportedLost() {
        HeldLock lock = locks.acquire("sku:1", new LockOptions(Duration.ofSeconds(1), Duration.ZERO, OnBusy.THROW, null));
        server.pause();
        try {
            Eventually.await("lost", GENEROUS, lock::isLost);
        } finally {
            server.resume();
        }
        assertEquals(1, locks.metrics().lost());
        assertTrue(locks.metrics().errors() >= 1);
        Eventually.await("the loss logged", GENEROUS, () -> !log.errors().isEmpty());
        assertTrue(log.errors().get(0).startsWith("lock \"sku:1\" was lost while held"), String.valueOf(log.errors()));

        locks.release(lock);
        assertEquals(1, locks.metrics().lost());
        assertEquals(0, locks.metrics().heldNow());
    }

    /** The failure of an acquire, which must come, and within {@link #GENEROUS}: never a hang. */
    static WeftBackendException acquireFails(LockService locks, String key, LockOptions options) {
        return assertTimeoutPreemptively(GENEROUS,
                () -> assertThrows(WeftBackendException.class, () -> locks.acquire(key, options)));
    }

    /** Acquires as soon as the client has reconnected to a Redis that was restarted. */
    static HeldLock acquireOnceReconnected(LockService locks, String key, LockOptions options) {
        AtomicReference<HeldLock> lock = new AtomicReference<>();
        Eventually.await("locked again", GENEROUS, () -> {
            try {
                lock.set(locks.acquire(key, options));
                return true;
            } catch (WeftBackendException stillReconnecting) {
                return false;
            }
        });
        return lock.get();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
