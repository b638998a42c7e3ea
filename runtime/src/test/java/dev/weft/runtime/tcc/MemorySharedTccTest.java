package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.txlog.SharedTransactionLog;
import dev.weft.runtime.txlog.Wakeups;
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
    SharedTransactionLog newLog() {
        return memory;
    }

    @Override
    Wakeups wakeups(SharedTransactionLog log) {
        return bus.endpoint();
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
