package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4: transfers over two participants with random try failures keep the sum and leave nothing frozen. */
class BankTransferTest {
    @TempDir
    Path root;

    @Test
    void randomTryFailuresKeepTheSumAndLeaveNothingFrozen() {
        Bank bank = new Bank(root);
        JavaProcess run = bank.woven("-Dbank.failPercent=30", "run", "200", "4", "7").start();
        assertEquals(Bank.SETTLED, Bank.books(run), run.report());
        String done = run.stdoutLines().stream().filter(l -> l.startsWith("DONE")).findFirst().orElseThrow();
        assertTrue(done.matches("DONE ok=\\d+ failed=\\d+") && !done.contains("ok=0") && !done.endsWith("failed=0"),
                "some transfers committed and some rolled back: " + done);
        assertTrue(run.stdoutLines().contains("FAILED 0"), run.report());
        assertEquals(Bank.SETTLED, bank.recovered(), "a restart finds nothing left to do");
    }

    @Test
    void withoutTheAgentTheSameRunLeavesMoneyFrozenAndTheSumWrong() {
        Bank bank = new Bank(root);
        JavaProcess run = bank.plain("-Dbank.failPercent=30", "run", "200", "4", "7").start();
        String books = Bank.books(run);
        assertTrue(run.stdoutLines().contains("NO AGENT"), run.report());
        Bank.assertUnsettled(books);
    }
}
