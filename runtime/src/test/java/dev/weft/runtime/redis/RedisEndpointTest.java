package dev.weft.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.testkit.RedisExtension;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisEndpointTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void theAddressInMessagesLeavesOutUserAndPassword() {
        try (RedisEndpoint endpoint = new RedisEndpoint("redis://app:s3cret@127.0.0.1:6379/2", TIMEOUT)) {
            assertEquals("redis://127.0.0.1:6379/2", endpoint.address());
        }
    }

    @Test
    void startConnectingConnectsInTheBackground() {
        try (RawRedis raw = new RawRedis(REDIS.uri()); RedisEndpoint endpoint = new RedisEndpoint(REDIS.uri(), TIMEOUT)) {
            long before = clients(raw);

            endpoint.startConnecting();

            Eventually.await("connected", Duration.ofSeconds(30), () -> clients(raw) == before + 1);
        }
    }

    @Test
    void anErrorReplySaysRedisRefused() {
        try (RedisEndpoint endpoint = new RedisEndpoint(REDIS.uri(), TIMEOUT)) {
            endpoint.call("set up", redis -> redis.set("text", "not a number"));

            WeftBackendException e = assertThrows(WeftBackendException.class,
                    () -> endpoint.call("count \"text\"", redis -> redis.incr("text")));

            assertTrue(e.getMessage().startsWith("Redis at " + REDIS.uri() + " refused to count \"text\" (ERR "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; check the Redis server's configuration and log"), e.getMessage());
        }
    }

    @Test
    void aWrongPasswordSaysToCheckTheCredentialsWithoutShowingThem() {
        try (RedisServer guarded = RedisServer.start(); RawRedis admin = new RawRedis(guarded.uri())) {
            // Set after start-up, which waits for a PING without a password; this connection stays logged in.
            admin.call(redis -> redis.configSet("requirepass", "right"));
            try (RedisEndpoint endpoint = new RedisEndpoint("redis://:wrong@127.0.0.1:" + guarded.port(), TIMEOUT)) {

                WeftBackendException e = assertThrows(WeftBackendException.class,
                        () -> endpoint.call("lock \"sku:1\"", redis -> redis.ping()));

                assertTrue(e.getMessage().startsWith("Redis at redis://127.0.0.1:" + guarded.port() + " refused to lock"),
                        e.getMessage());
                assertTrue(e.getMessage().endsWith("; check the user and password in redis.uri in weft.yaml and the"
                        + " server's ACL"), e.getMessage());
                assertFalse(e.getMessage().contains("wrong"), e.getMessage());
            }
        }
    }

    @Test
    void anInterruptedThreadCanConnectCallAndCloseAndKeepsItsInterrupt() {
        Thread.currentThread().interrupt();
        try (RedisEndpoint endpoint = new RedisEndpoint(REDIS.uri(), TIMEOUT)) {
            assertEquals("PONG", endpoint.call("ping", redis -> redis.ping()));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            assertTrue(Thread.interrupted());
        }
    }

    @Test
    void aCallMadeWhileTheConnectionIsDownWaitsForTheReconnectionWithinTheTimeout() {
        try (RedisServer server = RedisServer.start();
             RedisEndpoint endpoint = new RedisEndpoint(server.uri(), TIMEOUT)) {
            endpoint.call("ping", redis -> redis.ping());
            server.kill();
            // Refused without being sent, again and again until the timeout: Lettuce knows the connection is down.
            WeftBackendException down = assertThrows(WeftBackendException.class,
                    () -> endpoint.call("ping", redis -> redis.ping()));
            assertTrue(down.getMessage().contains("(Currently not connected."), down.getMessage());

            CompletableFuture<String> whileDown = CompletableFuture.supplyAsync(
                    () -> endpoint.call("ping", redis -> redis.ping()));
            server.restart();

            assertEquals("PONG", whileDown.join());
        }
    }

    @Test
    void durationsReadAsInWeftYaml() {
        assertEquals("2s", Durations.text(Duration.ofSeconds(2)));
        assertEquals("250ms", Durations.text(Duration.ofMillis(250)));
        assertEquals("1500ms", Durations.text(Duration.ofMillis(1500)));
    }

    private static long clients(RawRedis raw) {
        return raw.call(redis -> redis.clientList()).lines().count();
    }
}
