package dev.weft.runtime.txlog.redis;

import static dev.weft.runtime.txlog.redis.TestLogs.CREDIT;
import static dev.weft.runtime.txlog.redis.TestLogs.DEBIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.testkit.RedisExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation of the shared-log SPI, one at a time, against a real Redis. */
class RedisTransactionLogTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    static RedisTransactionLog log;

    @BeforeAll
    static void openLog() {
        log = TestLogs.open(REDIS.uri());
    }

    @AfterAll
    static void closeLog() {
        log.close();
    }

    @Test
    void beginRecordsATryingTransactionDueAtItsDeadline() {
        String xid = TestLogs.xid();
        log.begin(new LogRecord.Begin(xid, 1000, 61_000, "com.acme.TransferService#transfer"));

        LoggedTransaction tx = log.load(xid).orElseThrow();
        assertEquals(new LoggedTransaction(xid, "com.acme.TransferService#transfer", 1000, 61_000, Phase.TRYING, null,
                0, 61_000, List.of()), tx);
    }

    @Test
    void aSecondBeginChangesNothing() {
        String xid = TestLogs.begin(log);
        log.register(xid, DEBIT, "[]", Carried.NONE);
        log.decide(xid, true, List.of());

        log.begin(new LogRecord.Begin(xid, 5, 10, "other"));

        LoggedTransaction tx = log.load(xid).orElseThrow();
        assertEquals(Phase.COMMITTING, tx.phase());
        assertEquals(1, tx.branches().size());
        assertEquals("com.acme.TransferService#transfer", tx.origin());
    }

    @Test
    void branchesAreNumberedInRegistrationOrderAndKeepTheirArgumentsByteForByte() {
        String xid = TestLogs.begin(log);
        String awkward = "[\"a \\\"quoted\\\" \\u00e9 | , ; \\n\", 9007199254740993, {\"k\":[1,2]}]";
        assertEquals(0, log.register(xid, DEBIT, awkward, Carried.NONE));
        assertEquals(1, log.register(xid, CREDIT, "not JSON at all {", Carried.NONE));

        List<LoggedTransaction.LoggedBranch> branches = log.load(xid).orElseThrow().branches();
        assertEquals(List.of(new LoggedTransaction.LoggedBranch(0, DEBIT, awkward, BranchState.TRYING),
                new LoggedTransaction.LoggedBranch(1, CREDIT, "not JSON at all {", BranchState.TRYING)), branches);
    }

    @Test
    void registerIsRefusedWithThePhaseOnceDecidedAndWithNoPhaseWhenMissing() {
        String committed = TestLogs.begin(log);
        log.decide(committed, true, List.of());
        String rolledBack = TestLogs.begin(log);
        log.decide(rolledBack, false, List.of());

        assertEquals(Phase.COMMITTING, refusal(committed).phase());
        assertEquals(Phase.ROLLING_BACK, refusal(rolledBack).phase());
        assertNull(refusal(TestLogs.xid()).phase());
        assertTrue(log.load(committed).orElseThrow().branches().isEmpty());
    }

    @Test
    void tryEndsAreRecordedAndAReturnAfterTheDecisionIsIgnored() {
        String xid = TestLogs.begin(log);
        int returned = log.register(xid, DEBIT, "[1]", Carried.NONE);
        int failed = log.register(xid, DEBIT, "[2]", Carried.NONE);
        int undone = log.register(xid, DEBIT, "[3]", Carried.NONE);
        int late = log.register(xid, DEBIT, "[4]", Carried.NONE);

        assertTrue(log.tryEnded(xid, returned, BranchState.RETURNED));
        assertTrue(log.tryEnded(xid, failed, BranchState.FAILED));
        assertTrue(log.tryEnded(xid, undone, BranchState.DONE));
        log.decide(xid, true, List.of());
        assertFalse(log.tryEnded(xid, late, BranchState.RETURNED));

        assertEquals(List.of(BranchState.RETURNED, BranchState.FAILED, BranchState.DONE, BranchState.TRYING),
                states(xid));
        assertFalse(log.tryEnded(TestLogs.xid(), 0, BranchState.RETURNED));
    }

    @Test
    void aFailureReportedAfterTheDecisionIsStillRecordedButDoneIsFinal() {
        String xid = TestLogs.begin(log);
        int late = log.register(xid, DEBIT, "[]", Carried.NONE);
        int cancelled = log.register(xid, DEBIT, "[]", Carried.NONE);
        log.decide(xid, false, List.of());
        log.finishRound(xid, List.of(cancelled));

        assertTrue(log.tryEnded(xid, late, BranchState.FAILED));
        assertTrue(log.tryEnded(xid, cancelled, BranchState.FAILED));

        assertEquals(List.of(BranchState.FAILED, BranchState.DONE), states(xid));
    }

    @Test
    void decideIsOnceAndMakesTheTransactionDueNow() {
        String xid = TestLogs.begin(log);
        long before = System.currentTimeMillis();

        assertEquals(Optional.of(Phase.ROLLING_BACK), log.decide(xid, false, List.of()).map(LoggedTransaction::phase));
        assertEquals(Optional.of(Phase.ROLLING_BACK), log.decide(xid, true, List.of()).map(LoggedTransaction::phase));
        assertEquals(Optional.empty(), log.decide(TestLogs.xid(), true, List.of()).map(LoggedTransaction::phase));

        LoggedTransaction tx = log.load(xid).orElseThrow();
        assertEquals(Phase.ROLLING_BACK, tx.phase());
        // Due by the server's clock, which is this machine's clock: not at the deadline an hour away.
        assertTrue(tx.dueAt() < tx.deadline() && tx.dueAt() >= before - 1000, tx.toString());
    }

    @Test
    void endIfDoneWaitsForTheDecisionAndEveryBranchThenRemovesEveryKey() {
        String xid = TestLogs.begin(log);
        int a = log.register(xid, DEBIT, "[]", Carried.NONE);
        int b = log.register(xid, CREDIT, "[]", Carried.NONE);
        log.finishRound(xid, List.of(a));
        log.finishRound(xid, List.of(b));
        assertFalse(log.finishRound(xid, List.of()), "undecided");

        String other = TestLogs.begin(log);
        int c = log.register(other, DEBIT, "[]", Carried.NONE);
        log.decide(other, true, List.of());
        assertFalse(log.finishRound(other, List.of()), "a branch not done");
        log.finishRound(other, List.of(c));
        log.finishRound(other, List.of(c)); // twice: counted once

        log.decide(xid, true, List.of());
        assertTrue(log.finishRound(xid, List.of()));
        assertTrue(log.finishRound(xid, List.of()), "gone before counts as gone");
        assertTrue(log.finishRound(other, List.of()));
        assertEquals(Optional.empty(), log.load(xid));
        try (RawRedis raw = new RawRedis(REDIS.uri())) {
            TxKeys keys = new TxKeys("weft:");
            assertEquals(Long.valueOf(0), raw.call(r -> r.exists(keys.transaction(xid), keys.branches(xid))));
            assertNull(raw.call(r -> r.zscore(keys.dueOf(xid), xid)));
        }
    }

    @Test
    void dueAtMovesTheDueTimeButNeverRevivesAnEndedOrFailedTransaction() {
        String xid = TestLogs.begin(log);
        log.dueAt(xid, 42);
        assertEquals(42, log.load(xid).orElseThrow().dueAt());

        log.fail(xid, "cancel threw");
        log.dueAt(xid, 43);
        assertEquals(0, log.load(xid).orElseThrow().dueAt());

        String ended = TestLogs.begin(log);
        log.decide(ended, false, List.of());
        log.finishRound(ended, List.of());
        log.dueAt(ended, 44);
        assertEquals(Optional.empty(), log.load(ended));
        assertFalse(log.claimDue(45, 1000, 1000).contains(ended));
    }

    @Test
    void attemptsAreCountedAndAMissingTransactionIsNotCreatedByCounting() {
        String xid = TestLogs.begin(log);
        assertEquals(1, log.attemptFailed(xid));
        assertEquals(2, log.attemptFailed(xid));
        assertEquals(2, log.load(xid).orElseThrow().attempts());

        String missing = TestLogs.xid();
        assertEquals(0, log.attemptFailed(missing));
        assertEquals(Optional.empty(), log.load(missing));
    }

    @Test
    void aFailedTransactionIsNeverDueUntilRetriedAndCanBeForgotten() {
        String xid = TestLogs.begin(log);
        log.register(xid, DEBIT, "[]", Carried.NONE);
        log.decide(xid, true, List.of());
        log.attemptFailed(xid);
        log.fail(xid, "confirmDebit threw IllegalStateException: account closed");

        LoggedTransaction failed = log.load(xid).orElseThrow();
        assertEquals("confirmDebit threw IllegalStateException: account closed", failed.failure());
        assertEquals(0, failed.dueAt());
        assertFalse(log.claimDue(Long.MAX_VALUE / 2, 1000, 10_000).contains(xid));
        assertTrue(open().contains(xid));

        assertTrue(log.retry(xid));
        assertFalse(log.retry(xid), "not FAILED any more");
        LoggedTransaction retried = log.load(xid).orElseThrow();
        assertNull(retried.failure());
        assertEquals(0, retried.attempts());
        assertTrue(log.claimDue(System.currentTimeMillis() + 60_000, 1000, 10_000).contains(xid));

        assertFalse(log.forget(xid), "forget only what is FAILED");
        log.fail(xid, "again");
        assertTrue(log.forget(xid));
        assertEquals(Optional.empty(), log.load(xid));
        assertFalse(open().contains(xid));
    }

    @Test
    void openListsDueAndFailedTransactionsOldestFirst() {
        long now = System.currentTimeMillis();
        String older = TestLogs.xid();
        String newer = TestLogs.xid();
        log.begin(new LogRecord.Begin(newer, now - 1000, now + 60_000, "o"));
        log.begin(new LogRecord.Begin(older, now - 2000, now + 60_000, "o"));
        log.fail(older, "by hand");

        List<String> open = open();
        assertTrue(open.indexOf(older) >= 0 && open.indexOf(older) < open.indexOf(newer), open.toString());
        assertEquals(1, log.open(1).size());
    }

    @Test
    void describeNamesRedisWithoutThePassword() {
        try (RedisTransactionLog withPassword = TestLogs.open("redis://weft:s3cret@127.0.0.1:1")) {
            assertEquals("the Redis transaction log at redis://127.0.0.1:1 (keys weft:tx:*)", withPassword.describe());
        }
    }

    @Test
    void keysOfOneTransactionShareAHashTagWithItsShardsQueues() {
        TxKeys keys = new TxKeys("weft:");
        String xid = "x{y}z";
        int shard = TxKeys.shard(xid);
        String tag = "{" + shard + "}";
        for (String key : List.of(keys.transaction(xid), keys.branches(xid), keys.ownerLock(xid), keys.due(shard),
                keys.failed(shard))) {
            assertEquals(tag, key.substring(key.indexOf('{'), key.indexOf('}') + 1), key);
        }
    }

    private static NotTryingException refusal(String xid) {
        return assertThrows(NotTryingException.class, () -> log.register(xid, DEBIT, "[]", Carried.NONE));
    }

    private static List<BranchState> states(String xid) {
        return log.load(xid).orElseThrow().branches().stream().map(LoggedTransaction.LoggedBranch::state).toList();
    }

    private static List<String> open() {
        return log.open(Integer.MAX_VALUE).stream().map(LoggedTransaction::xid).toList();
    }
}
