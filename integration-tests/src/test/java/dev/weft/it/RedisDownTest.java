package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.backend.PaymentApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 4, Locks: Redis unreachable means {@code WeftBackendException} within {@code redis.timeout} plus {@code wait},
 * and the method does not run: never a hang, never running unlocked.
 */
class RedisDownTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void config() {
        config = WeftYaml.lock(dir, "order:{0}", "1s", "throw", "com.acme.backend.PaymentApp#charge(String)");
    }

    @Test
    void nothingListeningMeansBackendExceptionAndTheBodyDoesNotRun() throws IOException {
        JavaProcess app = Jvm.woven(config, "redis://127.0.0.1:" + closedPort(), PaymentApp.class, dir.toString(), "1")
                .start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of("CALL 1 THREW dev.weft.api.WeftBackendException"), app.stdoutLines(), app.report());
        assertFalse(Files.exists(dir.resolve("charged-order-1")), "the body ran without its lock");
    }

    @Test
    void redisKilledBetweenTwoCallsMeansBackendExceptionAndTheSecondBodyDoesNotRun() {
        try (RedisServer redis = RedisServer.start();
             JavaProcess app = Jvm.woven(config, redis.uri(), PaymentApp.class, dir.toString(), "2").start()) {
            app.awaitLine("PAUSED", Jvm.TIMEOUT);
            redis.kill();
            app.send("NEXT");

            Jvm.assertExitsCleanly(app);
            assertEquals(List.of("CALL 1 RETURNED", "PAUSED", "CALL 2 THREW dev.weft.api.WeftBackendException"),
                    app.stdoutLines(), app.report());
            assertTrue(Files.exists(dir.resolve("charged-order-1")), "the first call, with Redis up, ran");
            assertFalse(Files.exists(dir.resolve("charged-order-2")), "the second body ran without its lock");
        }
    }

    @Test
    void withoutTheAgentTheBodyRuns() throws IOException {
        JavaProcess app = Jvm.plain(PaymentApp.class, dir.toString(), "1").start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of("CALL 1 RETURNED"), app.stdoutLines(), app.report());
        assertTrue(Files.exists(dir.resolve("charged-order-1")));
    }

    /** A loopback port that was free a moment ago and has nothing listening on it now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
