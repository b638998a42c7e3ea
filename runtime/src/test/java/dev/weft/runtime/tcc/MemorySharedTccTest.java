package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract over {@link MemoryTransactionLog}, one log object for every instance, plus what only it can stage: a
 * decision whose answer is lost, a store that is down.
 */
class MemorySharedTccTest extends SharedTccContract {
    final MemoryTransactionLog memory = new MemoryTransactionLog();
    final MemoryWakeups bus = new MemoryWakeups();

    @Override
    TransactionLog newLog() {
        return memory;
    }

    @Override
    Wakeups wakeups(TransactionLog log) {
        return bus.endpoint();
    }

    @Test
    void aRootWithTwoLocalBranchesCallsTheLogFourTimes() throws Exception {
        root.transfer(() -> {
            root.debit("a", 5);
            root.credit("b", 5);
            return null;
        });
        // begin rides on the first register, each RETURNED on the next call, the DONE marks and the end in one call
        assertEquals(List.of("register", "register", "decide", "finishRound"), memory.callsOfThisThread());
        assertEquals(List.of("debit a 5", "credit b 5", "confirmDebit a 5", "confirmCredit b 5"), Accounts.JOURNAL);
        assertEquals(List.of(), memory.open(10));
    }

    @Test
    void aRootsReturnedTryIsWrittenByItsNextCallToTheLog() throws Exception {
        List<List<BranchState>> seen = new ArrayList<>();
        root.transfer(() -> {
            root.debit("a", 5);
            seen.add(states());
            root.credit("b", 5);
            seen.add(states());
            return null;
        });
        assertEquals(List.of(List.of(BranchState.TRYING), List.of(BranchState.RETURNED, BranchState.TRYING)), seen);
    }

    private List<BranchState> states() {
        return memory.open(1).get(0).branches().stream().map(LoggedTransaction.LoggedBranch::state).toList();
    }

    @Test
    void anOutgoingCallBeforeAnyBranchBeginsTheTransactionOnItsOwn() throws Exception {
        root.transfer(() -> {
            callWarehouse(warehouse, "sku", 1);
            root.debit("a", 5);
            return null;
        });
        assertEquals(List.of("begin", "register", "decide", "finishRound"), memory.callsOfThisThread());
        Eventually.until("the transaction ended", () -> memory.open(10).isEmpty());
    }

    @Test
    void aCommitWhoseAnswerIsLostIsFoundByTheRollbackThatFollowsIt() throws Exception {
        memory.decideAndThenFail = true;
        root.transfer(() -> {
            root.debit("a", 5);
            return null;
        });
        assertEquals(List.of("debit a 5", "confirmDebit a 5"), Accounts.JOURNAL);
        assertEquals(1, root.mbean.getCommitted());
    }

    /**
     * The commit landed, its answer was lost, and the transaction was finished and ended elsewhere before the rollback
     * that follows asked: "gone" then proves nothing, and saying "rolled back" would be a lie.
     */
    @Test
    void aCommitWhoseAnswerIsLostAndWhichIsGoneByTheRollbackIsReportedAsUnknown() {
        memory.decideThenEndAndFail = true;
        WeftBackendException thrown = assertThrows(WeftBackendException.class, () -> root.transfer(() -> {
            root.debit("a", 5);
            return null;
        }));
        assertTrue(thrown.getMessage().contains("is unknown"), thrown.getMessage());
    }

    @Test
    void aStoreThatIsDownRefusesTheTryAndNothingRuns() {
        memory.down = true;
        WeftBackendException thrown = assertThrows(WeftBackendException.class, () -> root.transfer(() -> {
            root.debit("a", 5);
            return null;
        }));
        assertTrue(thrown.getMessage().contains("could not be recorded in the in-memory shared log"),
                thrown.getMessage());
        assertEquals(List.of(), Accounts.JOURNAL);
    }
}
