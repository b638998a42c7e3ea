package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 at whatever point four busy threads have reached; the restart settles every transfer. */
class KillTest {
    @TempDir
    Path root;

    @Test
    void killedWhileBusyTheBooksSettleOnRestart() {
        Bank bank = new Bank(root);
        killWhileBusy(bank.woven("-Dbank.failPercent=20", "run", "100000", "4", "17").start());
        assertEquals(Bank.SETTLED, bank.recovered());
    }

    @Test
    void controlWithoutTheAgentAKilledRunLeavesTheBooksUnsettled() {
        Bank bank = new Bank(root);
        killWhileBusy(bank.plain("-Dbank.failPercent=20", "run", "100000", "4", "17").start());
        JavaProcess check = bank.plain("", "check").start();
        String books = Bank.books(check);
        assertTrue(check.stdoutLines().contains("NO AGENT"), check.report());
        Bank.assertUnsettled(books);
    }

    private static void killWhileBusy(JavaProcess run) {
        run.awaitLine("PROGRESS 50", Jvm.TIMEOUT);
        run.close(); // SIGKILL: no shutdown hook, no flush
    }
}
