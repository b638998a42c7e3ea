package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC 4: "a process that crashed at any point finishes or rolls back its transactions when it starts again". The
 * bank halts at one step of a transfer while another transfer runs on a second thread; a restart with the agent must
 * settle the books. Control: the same books read without the agent show what the crash left to repair.
 */
class CrashRecoveryTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "crash {0} (occurrence {1})")
    @CsvSource({
            "inTry,         3",   // try body ran, branch durable, no decision: cancelled after the timeout
            "afterTry,      3",   // debit returned, credit not called: cancelled after the timeout
            "afterDecision, 3",   // commit durable, nothing confirmed: both confirmed
            "inConfirm,     3",   // debit confirmed, credit not: the rest confirmed (the debit maybe again)
            "inCancel,      2",   // credit refused, rollback durable, debit not cancelled: cancelled
    })
    void everyTransactionCompletesOrRollsBackAfterARestart(String point, int occurrence) {
        Bank bank = new Bank(root);
        JavaProcess run = bank.woven("-Dbank.failPercent=30 -Dbank.crash=" + point + " -Dbank.crashAt=" + occurrence,
                "run", "40", "2", "11").start();
        Bank.assertCrashed(run, point);

        Bank.assertUnsettled(bank.asLeft());
        assertEquals(Bank.SETTLED, bank.recovered());
    }

    @Test
    void aCrashDuringRecoveryIsRecoveredByTheNextStart() {
        Bank bank = new Bank(root);
        JavaProcess run = bank.woven("-Dbank.crash=afterDecision -Dbank.crashAt=2", "run", "40", "2", "13").start();
        Bank.assertCrashed(run, "afterDecision");

        JavaProcess recovering = bank.woven("-Dbank.crash=inConfirm", "check").start();
        Bank.assertCrashed(recovering, "inConfirm");

        Bank.assertUnsettled(bank.asLeft());
        assertEquals(Bank.SETTLED, bank.recovered());
    }
}
