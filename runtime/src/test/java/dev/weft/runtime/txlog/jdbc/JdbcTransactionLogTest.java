package dev.weft.runtime.txlog.jdbc;

import static dev.weft.runtime.txlog.jdbc.Logs.DEBIT;
import static dev.weft.runtime.txlog.jdbc.Logs.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every operation of the {@code type: jdbc} log, on real H2 and PostgreSQL databases. */
class JdbcTransactionLogTest {
    private static final long DEADLINE = NOW + 30_000;
    private JdbcTransactionLog log;

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    private JdbcTransactionLog fresh(RealDatabase kind) throws SQLException {
        log = Logs.open(kind.empty());
        return log;
    }

    /** A fresh log holding transaction x1 with {@code branches} branches in state TRYING. */
    private void x1With(RealDatabase kind, int branches) throws SQLException {
        fresh(kind).begin(Logs.begin("x1", DEADLINE));
        for (int i = 0; i < branches; i++) {
            log.register("x1", DEBIT, "[]", Carried.NONE);
        }
    }

    private LoggedTransaction loaded(String xid) {
        return log.load(xid).orElseThrow();
    }

    private BranchState state(String xid, int branch) {
        return loaded(xid).branches().get(branch).state();
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void beginRecordsATryingTransactionDueAtItsDeadlineOnce(RealDatabase kind) throws SQLException {
        fresh(kind).begin(Logs.begin("x1", DEADLINE));
        log.begin(Logs.begin("x1", DEADLINE + 1)); // the root again, after an error: nothing changes
        assertEquals(new LoggedTransaction("x1", "com.acme.Transfers#transfer(..)", NOW, DEADLINE, Phase.TRYING, null,
                0, DEADLINE, List.of()), loaded("x1"));
        assertEquals(Optional.empty(), log.load("unknown"));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void branchesAreNumberedInRegistrationOrderAndKeepTheirParticipant(RealDatabase kind) throws SQLException {
        fresh(kind).begin(Logs.begin("x1", DEADLINE));
        ParticipantId credit = new ParticipantId("com.acme.Accounts$Inner", "credit", "(Ljava/lang/String;J)V",
                "confirmCredit", "cancelCredit");
        String unicode = "[\"Zoë 😀\",1]";
        assertEquals(0, log.register("x1", DEBIT, "[\"alice\",5]", Carried.NONE));
        assertEquals(1, log.register("x1", credit, unicode, Carried.NONE));
        assertEquals(List.of(new LoggedTransaction.LoggedBranch(0, DEBIT, "[\"alice\",5]", BranchState.TRYING),
                new LoggedTransaction.LoggedBranch(1, credit, unicode, BranchState.TRYING)), loaded("x1").branches());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aBranchOfAnUnknownTransactionIsRefused(RealDatabase kind) throws SQLException {
        NotTryingException refused = assertThrows(NotTryingException.class,
                () -> fresh(kind).register("never-begun", DEBIT, "[]", Carried.NONE));
        assertNull(refused.phase());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void theFirstDecisionStaysAndMakesTheTransactionDueNow(RealDatabase kind) throws SQLException {
        fresh(kind).begin(Logs.begin("x1", DEADLINE));
        assertEquals(Optional.of(Phase.COMMITTING), log.decide("x1", true, List.of()).map(LoggedTransaction::phase));
        assertEquals(Optional.of(Phase.COMMITTING), log.decide("x1", false, List.of()).map(LoggedTransaction::phase),
                "the rollback reads the commit");
        assertEquals(Phase.COMMITTING, loaded("x1").phase());
        assertEquals(NOW, loaded("x1").dueAt());
        assertEquals(Optional.empty(), log.decide("unknown", false, List.of()).map(LoggedTransaction::phase));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void noBranchRegistersAfterTheDecision(RealDatabase kind) throws SQLException {
        x1With(kind, 1);
        log.decide("x1", false, List.of());
        NotTryingException refused = assertThrows(NotTryingException.class,
                () -> log.register("x1", DEBIT, "[]", Carried.NONE));
        assertEquals(Phase.ROLLING_BACK, refused.phase());
        assertEquals(1, loaded("x1").branches().size());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aTryThatReturnsBeforeTheDecisionIsReturned(RealDatabase kind) throws SQLException {
        x1With(kind, 1);
        assertTrue(log.tryEnded("x1", 0, BranchState.RETURNED));
        assertEquals(BranchState.RETURNED, state("x1", 0));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aTryThatReturnsAfterTheDecisionStaysTryingAndIsCancelled(RealDatabase kind) throws SQLException {
        x1With(kind, 1);
        log.decide("x1", true, List.of());
        assertFalse(log.tryEnded("x1", 0, BranchState.RETURNED));
        assertEquals(BranchState.TRYING, state("x1", 0));
        assertFalse(log.tryEnded("gone", 0, BranchState.RETURNED));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aFailedTryIsRecordedWhateverThePhase(RealDatabase kind) throws SQLException {
        x1With(kind, 2);
        log.decide("x1", false, List.of());
        assertTrue(log.tryEnded("x1", 0, BranchState.FAILED));
        assertTrue(log.tryEnded("x1", 1, BranchState.DONE));
        assertEquals(BranchState.FAILED, state("x1", 0));
        assertEquals(BranchState.DONE, state("x1", 1));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aBranchCancelledWhileItsTryRanStaysDone(RealDatabase kind) throws SQLException {
        x1With(kind, 2); // branch 1 keeps the transaction from ending
        log.decide("x1", false, List.of());
        log.finishRound("x1", List.of(0));
        log.tryEnded("x1", 0, BranchState.FAILED); // the barrier refused the late try's statements
        assertEquals(BranchState.DONE, state("x1", 0));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aTransactionEndsOnlyWhenDecidedAndEveryBranchIsDone(RealDatabase kind) throws SQLException {
        x1With(kind, 2);
        log.finishRound("x1", List.of(0));
        assertFalse(log.finishRound("x1", List.of()), "still TRYING: the root may register more");
        log.decide("x1", true, List.of());
        assertFalse(log.finishRound("x1", List.of()), "branch 1 is not done");
        log.finishRound("x1", List.of(1));
        assertTrue(log.finishRound("x1", List.of()));
        assertEquals(Optional.empty(), log.load("x1"));
        assertTrue(log.finishRound("x1", List.of()), "gone before counts as gone");
        log.begin(Logs.begin("x1", DEADLINE));
        assertEquals(List.of(), loaded("x1").branches(), "its branch rows went with it");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void claimingMovesTheDueTimeOfDueTransactionsOnly(RealDatabase kind) throws SQLException {
        fresh(kind).begin(Logs.begin("late", NOW - 10));
        log.begin(Logs.begin("later", NOW - 5));
        log.begin(Logs.begin("latest", NOW));
        log.begin(Logs.begin("not-yet", NOW + 1));
        assertEquals(List.of("late", "later"), log.claimDue(NOW, 60_000, 2), "oldest due first, at most the limit");
        assertEquals(NOW + 60_000, loaded("late").dueAt());
        assertEquals(List.of("latest"), log.claimDue(NOW, 60_000, 10), "claimed ones are not due again yet");
        assertEquals(List.of("not-yet", "late", "later", "latest"), log.claimDue(NOW + 60_000, 1, 10),
                "the claims expired; oldest due time first");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void phaseTwoIsRescheduledAndCountsItsAttempts(RealDatabase kind) throws SQLException {
        fresh(kind).begin(Logs.begin("x1", DEADLINE));
        log.decide("x1", true, List.of());
        log.dueAt("x1", NOW + 500);
        assertEquals(NOW + 500, loaded("x1").dueAt());
        assertEquals(1, log.attemptFailed("x1"));
        assertEquals(2, log.attemptFailed("x1"));
        assertEquals(2, loaded("x1").attempts());
        assertEquals(0, log.attemptFailed("unknown"));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aFailedTransactionIsNeverDueUntilRetried(RealDatabase kind) throws SQLException {
        fresh(kind).begin(Logs.begin("x1", NOW - 1));
        log.decide("x1", true, List.of());
        log.attemptFailed("x1");
        assertFalse(log.retry("x1"), "not FAILED");
        log.fail("x1", "confirmDebit threw IllegalStateException: account closed");
        log.dueAt("x1", NOW - 1); // a late reschedule does not revive it
        LoggedTransaction failed = loaded("x1");
        assertEquals("confirmDebit threw IllegalStateException: account closed", failed.failure());
        assertEquals(0, failed.dueAt());
        assertEquals(List.of(), log.claimDue(Long.MAX_VALUE - 1, 1, 10));
        assertTrue(log.retry("x1"));
        LoggedTransaction retried = loaded("x1");
        assertNull(retried.failure());
        assertEquals(0, retried.attempts());
        assertEquals(NOW, retried.dueAt());
        assertEquals(List.of("x1"), log.claimDue(NOW, 1, 10));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void onlyAFailedTransactionCanBeForgotten(RealDatabase kind) throws SQLException {
        x1With(kind, 1);
        log.decide("x1", true, List.of());
        assertFalse(log.forget("x1"));
        log.fail("x1", "gave up");
        assertTrue(log.forget("x1"));
        assertEquals(Optional.empty(), log.load("x1"));
        assertFalse(log.forget("x1"));
        log.begin(Logs.begin("x1", DEADLINE));
        assertEquals(List.of(), loaded("x1").branches(), "its branch rows went with it");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void openListsTransactionsOldestFirstWithTheirBranches(RealDatabase kind) throws SQLException {
        fresh(kind);
        for (String xid : List.of("c", "a", "b")) {
            log.begin(new LogRecord.Begin(xid, NOW + xid.charAt(0), DEADLINE, "origin"));
        }
        log.register("a", DEBIT, "[1]", Carried.NONE);
        List<LoggedTransaction> open = log.open(2);
        assertEquals(List.of("a", "b"), open.stream().map(LoggedTransaction::xid).toList());
        assertEquals(1, open.get(0).branches().size());
        assertEquals(3, log.open(10).size());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void describeNamesTheDatabaseAndTheUser(RealDatabase kind) throws SQLException {
        RealDatabase.Location at = kind.empty();
        log = Logs.open(at);
        assertEquals("the JDBC transaction log at " + at.url() + " (user " + at.user() + ")", log.describe());
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        assertEquals("jdbc:postgresql://db/orders?user=weft&password=***&ssl=true",
                ConnectProperties.shown("jdbc:postgresql://db/orders?user=weft&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:tcp://db/orders;USER=weft;PASSWORD=***",
                ConnectProperties.shown("jdbc:h2:tcp://db/orders;USER=weft;PASSWORD=s3cret"));
    }
}
