package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A confirm or cancel method that does not exist is a config error with its line, before main (exit 78). */
class ParticipantConfigTest {
    @TempDir
    Path root;

    @Test
    void aMisspeltConfirmMethodStopsTheJvmBeforeMainWithTheLine() throws Exception {
        Path bankDir = Files.createDirectories(root.resolve("bank"));
        Path config = BankYaml.write(root, "confirmDebitt");
        JavaProcess check = new Bank(bankDir, config).woven("", "check").start();
        assertEquals(78, check.awaitExit(Jvm.TIMEOUT), check.report());
        assertTrue(check.stderr().contains("weft: config error: " + config + ":12:7: confirm: no method"
                + " confirmDebitt(java.lang.String, java.lang.String, long) in com.acme.bank.DebitService or its"
                + " superclasses"), check.report());
    }

    @Test
    void controlTheSameConfigSpelledRightStarts() {
        assertEquals(Bank.SETTLED, new Bank(root).recovered());
    }
}
