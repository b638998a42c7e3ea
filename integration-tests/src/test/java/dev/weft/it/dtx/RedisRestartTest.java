package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: Redis, which holds the shared transaction log, is killed (SIGKILL) and started again on the same port and
 * directory in the middle of a run of transfers on two threads, while one transfer waits between its tries and its
 * decision. The other thread goes on throughout: its transfers fail during the outage ({@code WeftBackendException},
 * or a participant's 409 when it could not register its try) and succeed again once Weft has reconnected; only then is
 * the waiting transfer let go. With {@code --appendonly yes --appendfsync always} the log survives the restart: the
 * waiting transfer commits, and nothing is half-applied. Control: the same with persistence off loses the log; the
 * waiting transfer's tries stay applied, with nobody left to confirm or cancel them.
 */
class RedisRestartTest {
    /**
     * Longer than the outage, which lasts until a transfer of the other thread has failed: a call waits for Weft to
     * reconnect for up to its redis.timeout (5 s) before failing, and only then is Redis started again.
     */
    static final String TIMEOUT = "15s";

    @TempDir
    Path dir;
    private RedisServer redis;

    @AfterEach
    void stopRedis() {
        redis.close();
    }

    @Test
    void redisRestartedWithAnAppendOnlyFileMidRunEverythingEndsConsistent() throws Exception {
        redis = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
        try (Services services = new Services(dir, redis, true, true, TIMEOUT)) {
            Run run = runThroughARestart(services);
            assertFalse(run.logAfterRestart().isEmpty(), "the log survived the restart");
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertEquals(Books.SETTLED, books.summary(), books + services.reports());
            assertEquals(List.of(), books.torn(), services.reports());
            assertTrue(run.outcomes().ok().contains(run.waiting()), "the waiting transfer committed after the"
                    + " restart" + services.reports());
            for (String transfer : run.outcomes().ok()) {
                assertTrue(books.committed(transfer), books.describe(transfer));
            }
            List<String> unknown = run.outcomes().backendFailures();
            for (String transfer : run.outcomes().failed()) {
                // A WeftBackendException may mean "outcome unknown": recovery finishes it either way, never half.
                assertTrue(books.rolledBack(transfer) || unknown.contains(transfer) && books.committed(transfer),
                        books.describe(transfer));
            }
            assertFalse(run.outcomes().failed().isEmpty(), "the outage failed some transfers");
        }
    }

    @Test
    void controlRedisWithoutPersistenceLosesTheWaitingTransfer() throws Exception {
        redis = RedisServer.start();
        try (Services services = new Services(dir, redis, true, true, TIMEOUT)) {
            Run run = runThroughARestart(services);
            assertEquals(List.of(), run.logAfterRestart(), "the log is gone");
            services.awaitLogEmpty();
            Books books = services.stopAndReadBooks();
            assertFalse(books.committed(run.waiting()) || books.rolledBack(run.waiting()),
                    "nobody finishes a transfer the log forgot: " + books.describe(run.waiting()));
            assertTrue(books.frozen() > 0 && books.incoming() > 0, books.toString());
        }
    }

    private record Run(String waiting, List<String> logAfterRestart, Outcomes outcomes) {
    }

    /**
     * Transfers on two threads until told to stop; the 10th waits after its tries while Redis is killed, and started
     * again once a transfer of the other thread has failed. Once the other thread has committed a transfer after the
     * restart (so Weft in the root is connected again), the waiting one goes on; once it is through, the root is told
     * to stop.
     */
    private Run runThroughARestart(Services services) {
        Services.Service payer = services.payer("");
        Services.Service payee = services.payee("");
        JavaProcess root = services.root(payer, payee, "-Ddtx.pause=afterTries@10", 0, 2, 43);
        String waiting = after(root, "PAUSED afterTries ");
        redis.kill();
        // Down until the other thread has seen it: a restart quicker than one transfer would go unnoticed.
        root.awaitLine(line -> line.startsWith("FAILED ") && !line.startsWith("FAILED " + waiting + " "),
                "FAILED of a transfer during the outage", Jvm.TIMEOUT);
        redis.startAgain();
        List<String> logAfterRestart = SharedLog.redis(redis.port()).keys();
        // A transfer that the root started only now, after the restart, commits: Weft in the root is connected again.
        Set<String> startedBefore = new HashSet<>();
        root.stdoutLines().stream().filter(line -> line.startsWith("START "))
                .forEach(line -> startedBefore.add(line.substring("START ".length())));
        root.awaitLine(line -> line.startsWith("OK ") && !startedBefore.contains(line.substring("OK ".length())),
                "OK of a transfer started after the restart", Jvm.TIMEOUT);
        root.send("GO");
        root.awaitLine(line -> line.equals("OK " + waiting) || line.startsWith("FAILED " + waiting + " "),
                "the waiting transfer's outcome", Jvm.TIMEOUT);
        root.send("STOP");
        return new Run(waiting, logAfterRestart, Outcomes.of(root));
    }

    private static String after(JavaProcess root, String prefix) {
        return root.awaitLine(line -> line.startsWith(prefix), prefix + "<transfer>", Jvm.TIMEOUT)
                .substring(prefix.length());
    }
}
