package dev.weft.runtime.txlog.redis;

import static dev.weft.runtime.txlog.redis.TestLogs.DEBIT;
import static dev.weft.runtime.txlog.redis.TestLogs.GENEROUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a Redis crash (SIGKILL, no save) leaves of the log, with and without the AOF; and what callers see meanwhile. */
class DurabilityTest {
    static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void withAppendfsyncAlwaysEveryAcknowledgedChangeSurvivesACrash() {
        Crash crash = decideThenCrash("--appendonly", "yes", "--appendfsync", "always");

        assertEquals(Optional.of(crash.before()), crash.after());
    }

    /** The control: the same crash without persistence loses the decided transaction, branches and all. */
    @Test
    void withoutPersistenceACrashLosesEverything() {
        Crash crash = decideThenCrash("--appendonly", "no", "--save", "");

        assertEquals(Optional.empty(), crash.after());
    }

    @Test
    void aKilledRedisFailsEveryCallWithAMessageSayingWhatToCheck() {
        try (RedisServer server = RedisServer.start();
             RedisTransactionLog log = new RedisTransactionLog(TestLogs.settings(server.uri(), TIMEOUT))) {
            String xid = TestLogs.begin(log);
            server.kill();

            TransactionLogException e = assertTimeoutPreemptively(GENEROUS,
                    () -> assertThrows(TransactionLogException.class, () -> log.decide(xid, true, List.of())));
            assertTrue(e.getMessage().contains("Redis at " + server.uri()) && e.getMessage().contains("check"),
                    e.getMessage());
            assertTimeoutPreemptively(GENEROUS,
                    () -> assertThrows(TransactionLogException.class, () -> log.claimDue(0, 1000, 10)));
        }
    }

    @Test
    void aStoppedRedisFailsWithinTheTimeoutInsteadOfHanging() {
        try (RedisServer server = RedisServer.start();
             RedisTransactionLog log = new RedisTransactionLog(TestLogs.settings(server.uri(), TIMEOUT))) {
            String xid = TestLogs.begin(log);
            server.pause();
            try {
                TransactionLogException e = assertTimeoutPreemptively(GENEROUS,
                        () -> assertThrows(TransactionLogException.class, () -> log.decide(xid, true, List.of())));
                assertTrue(e.getMessage().contains("did not answer within 500ms"), e.getMessage());
                assertTimeoutPreemptively(GENEROUS,
                        () -> assertThrows(TransactionLogException.class, () -> log.open(10)));
            } finally {
                server.resume();
            }
        }
    }

    @Test
    void thePasswordNeverAppearsInAMessage() {
        int port;
        try (RedisServer gone = RedisServer.start()) {
            port = gone.port();
        }
        String uri = "redis://weft:s3cret@127.0.0.1:" + port;
        try (RedisTransactionLog log = new RedisTransactionLog(TestLogs.settings(uri, TIMEOUT))) {
            TransactionLogException e = assertThrows(TransactionLogException.class, () -> TestLogs.begin(log));
            assertTrue(!e.getMessage().contains("s3cret") && e.getMessage().contains("redis://127.0.0.1:" + port),
                    e.getMessage());
        }
    }

    /** A committed transaction as it was acknowledged, and as Redis has it after a SIGKILL and a restart. */
    record Crash(LoggedTransaction before, Optional<LoggedTransaction> after) {
    }

    private static Crash decideThenCrash(String... redisArgs) {
        try (RedisServer server = RedisServer.start(redisArgs); RedisTransactionLog log = TestLogs.open(server.uri())) {
            String xid = TestLogs.begin(log);
            int branch = log.register(xid, DEBIT, "[\"acct-1\",100]", Carried.NONE);
            log.tryEnded(xid, branch, BranchState.RETURNED);
            assertEquals(Optional.of(Phase.COMMITTING), log.decide(xid, true, List.of()).map(LoggedTransaction::phase));
            LoggedTransaction before = log.load(xid).orElseThrow();

            server.restart();

            return new Crash(before, loadOnceReconnected(log, xid));
        }
    }

    /** The first calls after a restart may fail while Lettuce reconnects: that is the outage, not the data. */
    private static Optional<LoggedTransaction> loadOnceReconnected(RedisTransactionLog log, String xid) {
        long giveUp = System.nanoTime() + GENEROUS.toNanos();
        while (true) {
            try {
                return log.load(xid);
            } catch (TransactionLogException reconnecting) {
                if (System.nanoTime() > giveUp) {
                    throw reconnecting;
                }
            }
        }
    }
}
