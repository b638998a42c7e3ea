package dev.weft.it.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fenced.FencedStore;
import com.acme.fenced.WriterApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import dev.weft.testkit.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 4, Locks, fencing tokens: a holder stopped (SIGSTOP) for longer than its lease loses the lock to the next
 * writer while it still believes it holds it: a double grant, which no lease can prevent. Its writes after it
 * resumes carry its old token, so a store that checks tokens rejects every one of them.
 */
class HolderPauseTest {
    private static final int WRITES = 5;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void aFencedStoreAcceptsNoWriteOfAHolderThatWasOverrun() throws IOException {
        Outcome outcome = run(true);

        report("fenced", outcome);
        assertEquals(1, outcome.doubleGrants(), "the pause must overrun the holder, or this proves nothing"
                + outcome.log);
        assertEquals(0, outcome.staleAccepted(), outcome.log.toString());
    }

    @Test
    void anUnfencedStoreAcceptsTheOverrunHoldersWrites() throws IOException {
        Outcome outcome = run(false);

        report("unfenced", outcome);
        assertEquals(1, outcome.doubleGrants(), outcome.log.toString());
        assertEquals(WRITES - 1, outcome.staleAccepted(), outcome.log.toString());
    }

    private Outcome run(boolean fenced) throws IOException {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 1s
                locks:
                  - method: com.acme.fenced.WriterApp#writeAll(..)
                    key: "{0}"
                    lease: 1s
                    wait: 60s
                """);
        String mode = fenced ? "fenced" : "unfenced";
        try (JavaProcess first = Jvm.woven(config, redis.uri(), WriterApp.class, store.toString(), mode, "first",
                Integer.toString(WRITES)).name("first").start()) {
            first.awaitLine(line -> line.startsWith("HOLDING"), "HOLDING", Jvm.TIMEOUT);
            Signals.send("STOP", first.pid());
            try (JavaProcess second = Jvm.woven(config, redis.uri(), WriterApp.class, store.toString(), mode,
                    "second", "1").name("second").start()) {
                // It gets the lock once the stopped holder's lease ran out, writes and leaves.
                Jvm.assertExitsCleanly(second);
            } finally {
                Signals.send("CONT", first.pid());
            }
            Jvm.assertExitsCleanly(first);
            assertTrue(first.stderr().contains("[weft] error: lock \"store\""), "the loss must be loud" + first.report());
            return new Outcome(FencedStore.log(store));
        }
    }

    private static void report(String store, Outcome outcome) {
        System.out.println("[HolderPauseTest] " + store + " store: double grants " + outcome.doubleGrants()
                + ", stale writes " + outcome.stale() + ", of them accepted " + outcome.staleAccepted());
    }

    /** The store's log: {@code writer token stale|fresh accepted|rejected} per write. */
    private record Outcome(List<String> log) {
        long stale() {
            return log.stream().filter(line -> line.contains(" stale ")).count();
        }

        long staleAccepted() {
            return log.stream().filter(line -> line.endsWith(" stale accepted")).count();
        }

        /** Writers that wrote after a later grant had written: each one's grant overlapped another. */
        long doubleGrants() {
            return log.stream().filter(line -> line.contains(" stale ")).map(line -> line.split(" ")[0]).distinct()
                    .count();
        }
    }
}
