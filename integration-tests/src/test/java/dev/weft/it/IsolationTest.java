package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.isolation.IsolationApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 1, Isolation: an application with its own, older Jackson and Netty-based Redis client runs unchanged with
 * the agent (which carries newer copies of both) and still gets its locks.
 */
class IsolationTest {
    /** docs/configuration.md: the full Redis key is {@code <keyPrefix>lock:{<rendered key>}}. */
    private static final String LOCK_KEY = "iso:lock:{journal:entry1}";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void theApplicationKeepsItsOwnJacksonAndNettyAndItsLockWorks() {
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 1s
                  keyPrefix: "iso:"
                locks:
                  - method: com.acme.isolation.IsolationApp#record(String)
                    key: "journal:{0}"
                    lease: 10s
                    wait: 5s
                    onBusy: throw
                """);
        JavaProcess app = Jvm.woven(config, redis.uri(), IsolationApp.class, LOCK_KEY).start();

        Jvm.assertExitsCleanly(app);
        List<String> out = app.stdoutLines();
        assertEquals(5, out.size(), app.report());
        assertEquals("jackson=2.12.7", out.get(0), app.report());
        assertTrue(out.get(1).startsWith("netty="), app.report());
        Arrays.stream(out.get(1).substring("netty=".length()).split(","))
                .forEach(version -> assertTrue(version.startsWith("4.1."), "Netty " + version + app.report()));
        assertEquals(List.of("json={\"app\":\"isolation\"}", "redis=own-lettuce",
                "locked=recorded entry1, " + LOCK_KEY + " held: true"), out.subList(2, 5), app.report());
    }
}
