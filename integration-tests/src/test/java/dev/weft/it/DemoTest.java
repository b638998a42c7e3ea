package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo, run as a user runs it: {@code java -jar demo/target/weft-demo.jar} from the repository root. */
class DemoTest {
    /** One run for every test: the demo takes a while, and each test reads its own act. */
    private static JavaProcess demo;
    private static List<String> out;
    /** The demo's java.io.tmpdir, and its JVMs': to see what a run leaves behind. */
    @TempDir
    static Path tmp;

    @BeforeAll
    static void runTheQuickDemo() {
        Path demoJar = Jvm.demoJar();
        Path repositoryRoot = demoJar.getParent().getParent().getParent();
        // JAVA_TOOL_OPTIONS reaches the JVMs the demo starts too: the tests' quick start for all of them
        demo = JavaProcess.jar(demoJar).args("--quick").workDir(repositoryRoot)
                .env("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp + " " + System.getProperty("weft.childJvmOptions", ""))
                .start();
        // its three acts start 20 JVMs one after another: longer than one JVM's timeout on a busy machine
        assertEquals(0, demo.awaitExit(Jvm.TIMEOUT.multipliedBy(3)), "exit status" + demo.report());
        out = demo.stdoutLines();
    }

    @AfterAll
    static void close() {
        if (demo != null) {
            demo.close();
        }
    }

    /** Its work directory (configs, databases, logs) and its redis-server's are deleted when it ends. */
    @Test
    void theDemoLeavesNoTemporaryDirectoryBehind() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            // Directories only: the extracted redis-server binary beside them is a cache, kept on purpose.
            List<String> left = entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString())
                    .filter(name -> name.startsWith("weft-demo-") || name.startsWith("weft-redis-"))
                    .toList();
            assertEquals(List.of(), left, demo.report());
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

    @Test
    void theQuickDemoShowsAPurchaseAcrossThreeServicesFinishedByTheOthersAfterTheShopsKill() {
        int act = indexOf(out, line -> line.startsWith("Weft demo, three services: a shop sells loyalty points"));
        assertTrue(act > 0, demo.report());
        List<String> rewards = out.subList(act, out.size());
        int agent = rewards.indexOf("Round 2, with Weft, each JVM with its own YAML file:");
        assertTrue(agent > 0, demo.report());
        List<String> without = rewards.subList(0, agent);
        List<String> with = rewards.subList(agent, rewards.size());

        String killed = "  the shop returned from p\\d+ and was killed with kill -9 \\(exit 137\\); .*";
        String shop = "  shop: (\\d+) purchases went through, ([1-9]\\d*) refused \\(/credit answered 409: the loyalty card"
                + " of m3 is blocked\\), [1-9]\\d* never made";
        // Without Weft: nobody confirms or cancels, and the shop's kill changes nothing of that.
        assertTrue(without.stream().anyMatch(line -> line.matches(killed)), demo.report());
        assertTrue(without.stream().anyMatch(line -> line.matches(shop)), demo.report());
        assertTrue(without.stream().anyMatch(line -> line.matches("  p\\d+ in the books: wallet \\[DEBIT_TRY], points"
                + " \\[CREDIT_TRY]")), demo.report());
        assertTrue(without.stream().anyMatch(line -> line.matches(
                "  wallet: members hold \\d+, [1-9]\\d* frozen; journal: [1-9]\\d* tries, 0 confirms, 0 cancels")),
                demo.report());
        assertTrue(without.stream().anyMatch(line -> line.matches("  money \\+ points = \\d+ of 5000: NOT consistent .*")),
                demo.report());

        // With Weft: the purchase committed right before the kill is confirmed by wallet and points, each phase once.
        for (String service : List.of("wallet", "points", "shop")) {
            assertTrue(with.stream().anyMatch(line -> line.startsWith("  java -javaagent:") && line.endsWith("weft-"
                    + service + ".yaml -cp weft-demo.jar com.acme.rewards." + Character.toUpperCase(service.charAt(0))
                    + service.substring(1) + "App ...")), service + demo.report());
        }
        assertTrue(with.stream().anyMatch(line -> line.matches(killed)), demo.report());
        assertTrue(with.stream().anyMatch(line -> line.matches("  p\\d+ in the books: wallet \\[DEBIT_TRY, DEBIT_CONFIRM],"
                + " points \\[CREDIT_TRY, CREDIT_CONFIRM]")), demo.report());
        assertTrue(with.stream().anyMatch(line -> line.matches(
                "  wallet: members hold \\d+, 0 frozen; journal: \\d+ tries, \\d+ confirms, [1-9]\\d* cancels")),
                demo.report());
        assertTrue(with.contains("  money + points = 5000 of 5000, nothing frozen or pending, each phase applied once:"
                + " consistent"), demo.report());

        // weft status of the shop between its last commit and its death: its counters, and that commit still open.
        Matcher counts = Pattern.compile(shop).matcher(with.stream().filter(line -> line.matches(shop)).findFirst()
                .orElseThrow(() -> new AssertionError(demo.report())));
        assertTrue(counts.matches());
        int ok = Integer.parseInt(counts.group(1));
        int refused = Integer.parseInt(counts.group(2));
        int status = with.indexOf("java -jar " + Path.of("agent", "target", "weft-agent.jar")
                + " status <pid of shop>, taken right before its kill -9 (the services frozen):");
        assertTrue(status > 0 && with.get(status + 1).startsWith("  Weft "), demo.report());
        String counters = "  Transactions: " + (ok + refused) + " begun, " + ok + " committed, " + refused
                + " rolled back, 0 active, \\d+ recovering, 0 failed";
        assertTrue(with.stream().anyMatch(line -> line.matches(counters)), counters + demo.report());
        assertTrue(with.stream().anyMatch(line -> line.matches(
                " +\\S+ +COMMITTING +\\S+ +2 +com\\.acme\\.rewards\\.CheckoutService#buyPoints *")), demo.report());
        assertTrue(with.contains("Same three services, same purchases, same kill -9; only -javaagent and one YAML file per"
                + " service changed."), demo.report());
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
