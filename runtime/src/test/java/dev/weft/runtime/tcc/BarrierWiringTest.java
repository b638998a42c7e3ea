package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jdbc.BarrierKey;
import dev.weft.runtime.jdbc.BranchPhase;
import dev.weft.runtime.txlog.FileTransactionLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCC with {@code jdbc.barrier: true}: every try, confirm and cancel runs as its barrier phase, and a failed try is
 * cancelled (never confirmed), in process and after a restart. No JDBC runs here, so every phase reports
 * NO_DATABASE_WORK and the bodies decide; the barrier's own outcomes are proven in {@code dev.weft.it.tccbarrier}.
 */
class BarrierWiringTest {
    /** No retry comes before the test closes the log. */
    private static final TransactionSettings.Retry UNTIL_THE_CRASH = new TransactionSettings.Retry(
            Duration.ofMinutes(10), Duration.ofMinutes(10), 3);

    @TempDir
    Path dir;
    Harness tcc;

    @BeforeEach
    void open() {
        Accounts.reset();
        tcc = barrierOn(TccTest.FAST);
    }

    @AfterEach
    void close() {
        tcc.close();
    }

    private Harness barrierOn(TransactionSettings.Retry retry) {
        return new Harness(FileTransactionLog.open(dir), Duration.ofSeconds(30), retry, true);
    }

    @Test
    void eachBodyRunsAsThePhaseOfItsBranch() throws Exception {
        tcc.transfer(() -> {
            tcc.debit("a", 5);
            tcc.credit("b", 5);
            return null;
        });
        String xid = Accounts.PHASES.get(0).xid();
        assertEquals(List.of(new BarrierKey(xid, 0, BranchPhase.TRY), new BarrierKey(xid, 1, BranchPhase.TRY),
                new BarrierKey(xid, 0, BranchPhase.CONFIRM), new BarrierKey(xid, 1, BranchPhase.CONFIRM)), Accounts.PHASES);
    }

    @Test
    void aRollbackCancelsEveryTryThatWasEnteredEvenOneThatThrew() {
        Accounts.FAILING.add("credit");
        assertThrows(IllegalStateException.class, () -> tcc.transfer(() -> {
            tcc.debit("a", 5);
            tcc.credit("b", 5);
            return null;
        }));
        assertEquals(List.of("debit a 5", "credit threw", "cancelCredit b 5", "cancelDebit a 5"), Accounts.JOURNAL);
        String xid = Accounts.PHASES.get(0).xid();
        assertEquals(new BarrierKey(xid, 1, BranchPhase.CANCEL), Accounts.PHASES.get(2));
    }

    @Test
    void aCommitConfirmsOnlyTriesThatReturnedAndCancelsTheOneThatThrew() throws Exception {
        Accounts.FAILING.add("credit");
        tcc.transfer(() -> {
            tcc.debit("a", 5);
            try {
                tcc.credit("b", 5);
            } catch (IllegalStateException handled) {
                // the application carries on; what the credit may have committed before throwing must go
            }
            return null;
        });
        assertEquals(List.of("debit a 5", "credit threw", "confirmDebit a 5", "cancelCredit b 5"), Accounts.JOURNAL);
    }

    @Test
    void recoveryOfACommitDoesNotConfirmATryThatThrewButCancelsIt() throws Exception {
        tcc.close();
        tcc = barrierOn(UNTIL_THE_CRASH); // so that phase two is still pending when the "crash" comes
        Accounts.FAILING.add("credit");
        Accounts.FAILING.add("confirmDebit");
        Accounts.FAILING.add("cancelCredit");
        tcc.transfer(() -> {
            tcc.debit("a", 5);
            try {
                tcc.credit("b", 5);
            } catch (IllegalStateException handled) {
                // carry on
            }
            return null;
        });
        tcc.close(); // as a crash would: phase two unfinished, only the log knows
        Accounts.reset();

        tcc = barrierOn(TccTest.FAST);
        Eventually.until("recovered", () -> tcc.mbean.getOpenTransactions().isEmpty());
        assertEquals(List.of("confirmDebit a 5", "cancelCredit b 5"), Accounts.JOURNAL);
    }
}
