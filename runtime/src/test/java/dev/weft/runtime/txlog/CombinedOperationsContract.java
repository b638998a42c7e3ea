package dev.weft.runtime.txlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations of {@link TransactionLog} that carry more than one change in one atomic step: a register that
 * begins the transaction and marks the root's returned tries, a decision that marks them and returns the transaction,
 * and the end of a round. Run on every implementation.
 */
public abstract class CombinedOperationsContract {
    private static final ParticipantId DEBIT = new ParticipantId("com.acme.Accounts", "debit",
            "(Ljava/lang/String;J)V", "confirmDebit", "cancelDebit");
    private static final String ORIGIN = "com.acme.Transfers#transfer(..)";

    private TransactionLog log;
    private final String xid = UUID.randomUUID().toString();
    private final long now = System.currentTimeMillis();

    /** A log of its own for each test, closed after it. */
    protected abstract TransactionLog openLog() throws Exception;

    @BeforeEach
    public void open() throws Exception {
        log = openLog();
    }

    @AfterEach
    public void close() {
        log.close();
    }

    private LogRecord.Begin begin(String origin) {
        return new LogRecord.Begin(xid, now, now + Duration.ofHours(1).toMillis(), origin);
    }

    /** The root's first branch: the transaction is begun by its registration. */
    private int first() {
        return log.register(xid, DEBIT, "[]", new Carried(begin(ORIGIN), List.of()));
    }

    private int register(Integer... returned) {
        return log.register(xid, DEBIT, "[]", new Carried(null, List.of(returned)));
    }

    private List<BranchState> states() {
        return log.load(xid).orElseThrow().branches().stream().map(LoggedBranch::state).toList();
    }

    @Test
    public void theFirstRegisterBeginsTheTransactionDueAtItsDeadline() {
        assertEquals(0, first());

        LoggedTransaction tx = log.load(xid).orElseThrow();
        assertEquals(new LoggedTransaction(xid, ORIGIN, now, now + Duration.ofHours(1).toMillis(), Phase.TRYING, null,
                0, now + Duration.ofHours(1).toMillis(), List.of(new LoggedBranch(0, DEBIT, "[]", BranchState.TRYING))),
                tx);
    }

    @Test
    public void aBeginCarriedAgainChangesNothingNeitherTheBranchCounterNorTheDecision() {
        first();
        assertEquals(1, log.register(xid, DEBIT, "[]", new Carried(begin("another origin"), List.of())),
                "an existing transaction is left as it is");
        log.decide(xid, true, List.of());

        NotTryingException refused = assertThrows(NotTryingException.class,
                () -> log.register(xid, DEBIT, "[]", new Carried(begin("another origin"), List.of())));

        assertEquals(Phase.COMMITTING, refused.phase());
        LoggedTransaction tx = log.load(xid).orElseThrow();
        assertEquals(ORIGIN, tx.origin());
        assertEquals(2, tx.branches().size());
    }

    @Test
    public void aRegisterMarksTheCarriedReturnedTriesThenAddsItsBranch() {
        first();
        assertEquals(1, register(0));
        assertEquals(List.of(BranchState.RETURNED, BranchState.TRYING), states());

        assertEquals(2, register(0, 1)); // branch 0 again, as after an answer that was lost: no change
        assertEquals(List.of(BranchState.RETURNED, BranchState.RETURNED, BranchState.TRYING), states());
    }

    @Test
    public void aRegisterRefusedAfterTheDecisionMarksNothingReturned() {
        first();
        log.decide(xid, false, List.of()); // recovery, past the deadline by its clock

        assertEquals(Phase.ROLLING_BACK, assertThrows(NotTryingException.class, () -> register(0)).phase());
        assertEquals(List.of(BranchState.TRYING), states());
    }

    @Test
    public void onlyABranchStillTryingIsMarkedReturned() {
        first();
        register();
        log.tryEnded(xid, 1, BranchState.FAILED);

        register(0, 1);

        assertEquals(List.of(BranchState.RETURNED, BranchState.FAILED, BranchState.TRYING), states());
    }

    @Test
    public void theDecisionMarksTheCarriedReturnedTriesAndReturnsTheTransactionAsItThenIs() {
        first();
        register(0);

        LoggedTransaction decided = log.decide(xid, true, List.of(1)).orElseThrow();

        assertEquals(Phase.COMMITTING, decided.phase());
        assertEquals(List.of(BranchState.RETURNED, BranchState.RETURNED),
                decided.branches().stream().map(LoggedBranch::state).toList());
        assertEquals(log.load(xid).orElseThrow(), decided);
    }

    @Test
    public void returnedTriesCarriedByADecisionThatCameSecondAreRefused() {
        first();
        log.decide(xid, false, List.of()); // recovery, past the deadline by its clock

        LoggedTransaction decided = log.decide(xid, true, List.of(0)).orElseThrow();

        assertEquals(Phase.ROLLING_BACK, decided.phase());
        assertEquals(List.of(BranchState.TRYING), states(), "a RETURNED after the decision would not count");
        assertEquals(Optional.empty(), log.decide(UUID.randomUUID().toString(), true, List.of(0)));
    }

    @Test
    public void theEndOfARoundEndsTheTransactionOnlyOnceDecidedAndEveryBranchIsDone() {
        first();
        register(0);
        register(1);
        assertFalse(log.finishRound(xid, List.of(0)), "still TRYING: the root may register more");
        assertEquals(List.of(BranchState.DONE, BranchState.RETURNED, BranchState.TRYING), states());

        log.decide(xid, true, List.of(2));
        assertFalse(log.finishRound(xid, List.of(1)), "branch 2 is not done");
        assertEquals(List.of(BranchState.DONE, BranchState.DONE, BranchState.RETURNED), states());

        assertTrue(log.finishRound(xid, List.of(2, 0)), "DONE twice counts once");
        assertEquals(Optional.empty(), log.load(xid));
        assertTrue(log.finishRound(xid, List.of(2)), "gone before counts as gone");
        assertEquals(Optional.empty(), log.load(xid), "and is not brought back");
    }

    @Test
    public void aRoundWithNothingToMarkEndsATransactionWhoseBranchesAreAllDone() {
        first();
        log.tryEnded(xid, 0, BranchState.DONE);
        log.decide(xid, false, List.of());

        assertTrue(log.finishRound(xid, List.of()));
        assertEquals(Optional.empty(), log.load(xid));
    }

    @Test
    public void doneStaysFinalAfterTheEndOfARound() {
        first();
        register();
        log.decide(xid, false, List.of());
        assertFalse(log.finishRound(xid, List.of(0)));

        log.tryEnded(xid, 0, BranchState.FAILED); // a late report: the barrier refused the late try

        assertEquals(List.of(BranchState.DONE, BranchState.TRYING), states());
    }
}
