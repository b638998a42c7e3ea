package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4: a global method running past its timeout has its branches cancelled and throws instead of returning. */
class TimeoutTest {
    @TempDir
    Path root;

    @Test
    void returningPastTheTimeoutCancelsAndThrowsTransactionTimeoutException() {
        JavaProcess late = new Bank(root).woven("", "late", "3500").start(); // the bank's timeout is 3s
        assertEquals(Bank.SETTLED, Bank.books(late));
        assertTrue(late.stdoutLines().contains("LATE dev.weft.api.TransactionTimeoutException"), late.report());
    }

    @Test
    void controlWithoutTheAgentItReturnsAndTheMoneyStaysFrozen() {
        JavaProcess late = new Bank(root).plain("", "late", "3500").start();
        Bank.assertUnsettled(Bank.books(late));
        assertTrue(late.stdoutLines().contains("LATE returned"), late.report());
    }
}
