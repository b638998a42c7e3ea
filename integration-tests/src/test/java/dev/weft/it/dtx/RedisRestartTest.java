package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: Redis, which holds the shared transaction log, is killed (SIGKILL) and started again on the same port and
 * directory in the middle of a run of transfers on two threads, while one transfer waits between its tries and its
 * decision. With {@code --appendonly yes --appendfsync always} nothing acknowledged is lost: that transfer commits
 * after the restart, transfers caught by the outage fail ({@code WeftBackendException}, or a participant's refusal
 * to run a try it could not register) and none is half-applied. Control: the same with persistence off loses the
 * waiting transfer's record; its tries stay applied with nobody to confirm or cancel them.
 */
class RedisRestartTest {
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
        try (Services services = new Services(dir, redis, true, true, "5s")) {
            Run run = runThroughARestart(services);
            services.awaitLogEmpty();
            Books books = services.books();
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
        }
    }

    @Test
    void controlRedisWithoutPersistenceLosesTheWaitingTransfer() throws Exception {
        redis = RedisServer.start();
        try (Services services = new Services(dir, redis, true, true, "5s")) {
            Run run = runThroughARestart(services);
            services.awaitLogEmpty();
            Books books = services.books();
            assertFalse(books.committed(run.waiting()) || books.rolledBack(run.waiting()),
                    "nobody finishes a transfer the log forgot: " + books.describe(run.waiting()));
            assertTrue(books.frozen() > 0 && books.incoming() > 0, books.toString());
        }
    }

    private record Run(String waiting, Outcomes outcomes) {
    }

    /**
     * 40 transfers on two threads; the 10th waits after its tries while Redis is killed and started again, then goes
     * on. Returns once the root finished.
     */
    private Run runThroughARestart(Services services) {
        Services.Service payer = services.payer("");
        Services.Service payee = services.payee("");
        JavaProcess root = services.root(payer, payee, "-Ddtx.pause=afterTries@10", 40, 2, 43);
        String prefix = "PAUSED afterTries ";
        String waiting = root.awaitLine(line -> line.startsWith(prefix), prefix + "<transfer>", Jvm.TIMEOUT)
                .substring(prefix.length());
        redis.restart();
        root.send("GO");
        return new Run(waiting, Outcomes.of(root));
    }
}
