package dev.weft.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.acme.handoff.HandOffApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.FreshRedisExtension;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a global method hands its participant's try to a pool thread, through {@code ExecutorService.submit} and
 * {@code CompletableFuture.supplyAsync}; the application is unchanged, its JVM has the agent, the transaction log is in
 * Redis and the participant writes to H2. The try must be a branch of the caller's transaction: confirmed when the
 * global method returns, cancelled when it throws (docs/distributed-tcc.md, "Hand-offs inside one JVM").
 */
class HandOffPropagationTest {
    private static final String YAML = """
            redis:
              uri: ${REDIS_URI}
            transactions:
              log:
                type: redis
              timeout: 20s
              retry: {initial: 50ms, max: 500ms, maxAttempts: 100}
              global:
                - method: com.acme.handoff.OrderService#place(..)
              participants:
                - try: com.acme.handoff.StockService#reserve(String)
                  confirm: confirmReserve
                  cancel: cancelReserve
            """;

    @TempDir
    Path dir;
    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @Test
    void aTryHandedOffToAnExecutorOrToSupplyAsyncIsConfirmedOrCancelledWithItsGlobalMethod() {
        try (JavaProcess app = start("submit", "false", "submit", "true", "supplyAsync", "false", "supplyAsync",
                "true")) {
            List<String> journal = settledJournal(app, entries -> entries.size() >= 8);
            assertEquals(8, journal.size(), journal + app.report());
            assertPhaseTwoFollowsItsTry(journal, "confirm submit-0", "cancel submit-1", "confirm supplyAsync-2",
                    "cancel supplyAsync-3");
            app.send("STOP");
            Jvm.assertExitsCleanly(app);
        }
    }

    /**
     * Control: the same hand-off made through reflection, so that no call site Weft rewrites is involved, leaves the
     * try outside the transaction: never confirmed, and not cancelled when the order is refused. A later order handed
     * off through {@code submit} shows that phase two did run.
     */
    @Test
    void controlAHandOffWeftDoesNotRewriteLeavesTheTryOutOfTheTransaction() {
        try (JavaProcess app = start("reflection", "false", "reflection", "true", "submit", "false")) {
            List<String> journal = settledJournal(app, entries -> entries.contains("confirm submit-2"));
            assertEquals(List.of("reserve reflection-0", "reserve reflection-1", "reserve submit-2",
                    "confirm submit-2"), journal, app.report());
            assertTrue(app.stdoutLines().contains("REFUSED reflection-1"), app.report());
            app.send("STOP");
            Jvm.assertExitsCleanly(app);
        }
    }

    /** Each entry is there, after the try of the same order (orders' phase two may interleave with later tries). */
    private static void assertPhaseTwoFollowsItsTry(List<String> journal, String... phaseTwo) {
        for (String entry : phaseTwo) {
            String order = entry.substring(entry.indexOf(' ') + 1);
            assertTrue(journal.contains(entry), entry + " missing from " + journal);
            assertTrue(journal.indexOf("reserve " + order) < journal.indexOf(entry), journal.toString());
        }
    }

    private JavaProcess start(String... orders) {
        JavaProcess app = Jvm.woven(WeftYaml.write(dir, YAML), redis.server().uri(), HandOffApp.class, orders)
                .env("STOCK_DB", "jdbc:h2:file:" + dir.resolve("stock")).start();
        app.awaitLine("DONE", Jvm.TIMEOUT);
        return app;
    }

    /** Asks for the journal until it is as {@code settled} says: phase two may run just after the global method. */
    private static List<String> settledJournal(JavaProcess app, Predicate<List<String>> settled) {
        long deadline = System.nanoTime() + Jvm.TIMEOUT.toNanos();
        for (int n = 1; System.nanoTime() < deadline; n++) {
            String request = "JOURNAL " + n;
            app.send(request);
            String line = app.awaitLine(l -> l.startsWith(request + " ["), request, Jvm.TIMEOUT);
            String entries = line.substring(line.indexOf('[') + 1, line.length() - 1);
            List<String> journal = entries.isEmpty() ? List.of() : Arrays.asList(entries.split(", "));
            if (settled.test(journal)) {
                return journal;
            }
            pause();
        }
        fail("the journal did not settle" + app.report());
        return List.of();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
