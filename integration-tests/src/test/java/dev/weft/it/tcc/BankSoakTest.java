package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long run, only with {@code -Psoak}: the bank is killed (kill -9, or a halt at a random crash point) again and again
 * on the same books and log, each restart also running transfers, and must settle at the end.
 * {@code -Dsoak.rounds} (default 30).
 */
@EnabledIfSystemProperty(named = "weft.soak", matches = "true", disabledReason = "a long run: use -Psoak")
class BankSoakTest {
    private static final String[] POINTS = {"inTry", "afterTry", "afterDecision", "inConfirm", "inCancel"};

    @TempDir
    Path root;

    @Test
    void theBooksSettleAfterManyCrashes() {
        Bank bank = new Bank(root);
        Random random = new Random(Long.getLong("soak.seed", 99));
        int rounds = Integer.getInteger("soak.rounds", 30);
        for (int round = 0; round < rounds; round++) {
            String args = "-Dbank.failPercent=25";
            if (random.nextBoolean()) {
                args += " -Dbank.crash=" + POINTS[random.nextInt(POINTS.length)] + " -Dbank.crashAt="
                        + (1 + random.nextInt(200));
            }
            try (JavaProcess run = bank.woven(args, "run", "2000", "4", Integer.toString(round)).start()) {
                run.awaitLine(line -> line.startsWith("PROGRESS " + (10 * (1 + random.nextInt(150))))
                        || line.startsWith("CRASH") || line.startsWith("TOTAL"), "progress", Jvm.TIMEOUT);
            } // killed (SIGKILL) if it had not crashed or finished
        }
        assertEquals(Bank.SETTLED, bank.recovered());
    }
}
