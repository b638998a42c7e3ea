package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's demo, run as a user runs it: {@code java -jar demo/target/weft-demo.jar} from the repository root. */
class DemoTest {
    /** One run for every test: the demo takes a while, and each test reads its own act. */
    private static JavaProcess demo;
    private static List<String> out;

    @BeforeAll
    static void runTheQuickDemo() {
        Path demoJar = Jvm.demoJar();
        Path repositoryRoot = demoJar.getParent().getParent().getParent();
        demo = JavaProcess.jar(demoJar).args("--quick").workDir(repositoryRoot).start();
        Jvm.assertExitsCleanly(demo);
        out = demo.stdoutLines();
    }

    @AfterAll
    static void close() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theQuickDemoShowsNoOversellWithWeft() {
        assertTrue(out.stream().anyMatch(line -> line.startsWith("Round 1, without Weft")), demo.report());
        assertTrue(out.stream().anyMatch(line -> line.startsWith("Round 2, with Weft: java -javaagent:")), demo.report());
        assertTrue(out.contains("  sold 40 of 40, stock 0: no oversell"), demo.report());
        int status = out.indexOf("java -jar " + Path.of("agent", "target", "weft-agent.jar")
                + " status <pid of shop 1>, once it had closed:");
        assertTrue(status > 0 && out.get(status + 1).startsWith("  Weft "), demo.report());
        assertTrue(out.stream().anyMatch(line -> line.matches(
                " +\\d+:5 +com\\.acme\\.inventory\\.InventoryApp#reserve\\(\\.\\.\\) +1 .*")), demo.report());
        assertTrue(out.stream().anyMatch(line -> line.matches("  Locks: \\d+ acquired, 0 busy, 0 lost, 0 errors, 0 held now")),
                demo.report());
    }

    @Test
    void theQuickDemoShowsMoneyConservedByTccWithWeftAndNotWithout() {
        int act = out.indexOf("Round 1, without Weft: java -cp weft-demo.jar com.acme.bankdemo.BankApp ...");
        assertTrue(act > 0 && out.get(act - 2).startsWith("Weft demo, the bank: 2 banks (JVMs) x 4 tellers"),
                demo.report());
        List<String> bank = out.subList(act, out.size());
        int agent = indexOf(bank, line -> line.startsWith("Round 2, with Weft: java -javaagent:")
                && line.endsWith("weft-bank.yaml -cp weft-demo.jar com.acme.bankdemo.BankApp ..."));
        assertTrue(agent > 0, demo.report());
        List<String> without = bank.subList(0, agent);
        List<String> with = bank.subList(agent, bank.size());
        assertTrue(without.stream().anyMatch(line -> line.matches(
                "  bank 1: \\d+ transfers made, \\d+ refused \\(insufficient funds\\), \\d+ failed \\(a credit failed\\)")),
                demo.report());
        assertTrue(without.stream().anyMatch(line -> line.matches("  money NOT conserved: total \\d+, frozen [1-9]\\d*")),
                demo.report());
        assertTrue(with.contains("  money conserved: total 10000, frozen 0"), demo.report());
        assertTrue(with.contains("Same bank, same JVMs; only -javaagent and weft-bank.yaml changed."), demo.report());
        assertTrue(with.stream().noneMatch(line -> line.startsWith("  transfer failed:")), demo.report());
    }

    private static int indexOf(List<String> lines, Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
