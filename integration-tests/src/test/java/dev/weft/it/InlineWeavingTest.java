package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.reentrant.LedgerApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 §2: a JVM with no call-site rewrite to make (locks here) weaves, checks its config and runs without
 * building Byte Buddy: its class-load log names no Byte Buddy advice, agent builder or type pool, and the lock still
 * works. The control: the same app with a {@code transactions:} section (its global method is not there: only its
 * hand-off call sites count, which are Byte Buddy's to rewrite) loads them, as the background warm-up builds the
 * transformer, so the check can fail.
 */
class InlineWeavingTest {
    private static final List<String> BYTE_BUDDY_AT_WORK = List.of("net.bytebuddy.asm.Advice ",
            "net.bytebuddy.agent.builder.AgentBuilder$Default ", "net.bytebuddy.pool.TypePool$Default ");
    private static final String LOCKS = """
            redis:
              uri: ${REDIS_URI}
              timeout: 5s
            locks:
              - method: com.acme.reentrant.LedgerApp#audit(..)
                key: "ledger:{0}"
                wait: 1s
                onBusy: throw
              - method: com.acme.reentrant.LedgerApp#balance(String)
                key: "ledger:{0}"
                wait: 1s
                onBusy: throw
            """;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void locksAreWovenWithoutByteBuddy() throws IOException {
        List<String> loaded = classesLoadedBy(LOCKS);
        assertTrue(loaded.stream().anyMatch(line -> line.contains("com.acme.reentrant.LedgerApp ")), "the log is read");
        for (String byteBuddy : BYTE_BUDDY_AT_WORK) {
            assertFalse(loaded.stream().anyMatch(line -> line.contains(byteBuddy)), byteBuddy + "was loaded: Byte Buddy built");
        }
    }

    @Test
    void theControlCallSitesToRewriteLoadIt() throws IOException {
        List<String> loaded = classesLoadedBy(LOCKS + """
                transactions:
                  log:
                    dir: %s
                  global:
                    - method: com.acme.reentrant.LedgerApp#settle(..)
                """.formatted(dir.resolve("txlog")));
        // Not a race: the warm-up builds it before the same thread connects, and the first lock waits for that.
        assertTrue(loaded.stream().anyMatch(line -> line.contains(BYTE_BUDDY_AT_WORK.get(1))),
                "the call sites' transformer was built");
    }

    /** Runs the reentrancy app (its lock works as ReentrancyTest says) and returns its {@code -Xlog:class+load}. */
    private List<String> classesLoadedBy(String yaml) throws IOException {
        Path config = WeftYaml.write(dir, yaml);
        Path log = dir.resolve("classes.log");
        JavaProcess app = Jvm.woven(config, redis.uri(), LedgerApp.class)
                .option("-Xlog:class+load:file=" + log).start();
        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(
                "REENTERED audited balance of acct-1",
                "WHILE_HELD dev.weft.api.LockUnavailableException",
                "AFTER ran"), app.stdoutLines(), app.report());
        return Files.readAllLines(log);
    }
}
