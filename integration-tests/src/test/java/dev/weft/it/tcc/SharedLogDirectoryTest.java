package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs on one file log would replay each other's transactions: the second is stopped before main, clearly. */
class SharedLogDirectoryTest {
    @TempDir
    Path root;

    @Test
    void aSecondJvmOnTheSameLogDirectoryIsRefusedNamingTheFirst() {
        Bank bank = new Bank(root);
        try (JavaProcess first = bank.woven("", "hold").start()) {
            first.awaitLine("READY", Jvm.TIMEOUT);
            JavaProcess second = bank.woven("", "check").start();
            assertEquals(73, second.awaitExit(Jvm.TIMEOUT), second.report());
            assertTrue(second.stderr().contains("is already in use by another process (held by " + first.pid() + "@"),
                    second.report());
            assertTrue(second.stdoutLines().isEmpty(), "main never ran: " + second.report());
        }
    }

    @Test
    void controlAnotherDirectoryOrTheSameOneOnceTheFirstIsGoneIsFine() throws Exception {
        Bank bank = new Bank(root);
        Path elsewhere = Files.createDirectories(root.resolve("other"));
        try (JavaProcess first = bank.woven("", "hold").start()) {
            first.awaitLine("READY", Jvm.TIMEOUT);
            assertEquals(Bank.SETTLED, Bank.books(new Bank(elsewhere).woven("", "check").start()));
        }
        assertEquals(Bank.SETTLED, bank.recovered(), "the lock went with the first JVM, even killed");
    }
}
