package dev.weft.demo;

import com.acme.bankdemo.BankApp;
import com.acme.bankdemo.Ledger;
import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The bank transfer: several JVMs move money between accounts in one H2 database, each transfer a debit's try and a
 * credit's try, some credits failing. Without Weft nobody confirms or cancels: money stays frozen or in flight. With
 * Weft and {@code weft-bank.yaml} (TCC, JDBC barrier) every transfer is applied both ways or not at all.
 */
final class BankAct implements Act {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final String CLOSED = "CLOSED ";
    private static final long MONEY = Ledger.ACCOUNTS * Ledger.OPENING_BALANCE;

    /** How one round ended: each bank's CLOSED line, and the database's sums. */
    private record Outcome(List<String> closedByBank, long balances, long frozen, long incoming) {
        boolean conserved() {
            return balances == MONEY && frozen == 0 && incoming == 0;
        }
    }

    @Override
    public boolean run(Stage stage) throws IOException {
        DemoOptions options = stage.options();
        Path config = DemoMain.extract("weft-bank.yaml", stage.work());
        Script.title(String.format("Weft demo, the bank: %d banks (JVMs) x %d tellers (threads) make %d transfers each"
                        + " between %d accounts holding %d in all; a credit fails now and then.", options.banks(),
                options.tellers(), options.transfersPerTeller(), Ledger.ACCOUNTS, MONEY));
        Script.withoutWeft(List.of(BankApp.class));
        Outcome plain = round(options, stage.work().resolve("bank-round-1"), (bank, log) -> bank);
        report(plain);

        Script.withWeft(Map.of(BankApp.class, Script.agent(options.agentJar(), config)));
        Outcome woven = round(options, stage.work().resolve("bank-round-2"),
                (bank, log) -> stage.attach(bank, config).env("WEFT_DEMO_TXLOG", log.toString()));
        report(woven);

        return Script.verdict(plain.conserved(), woven.conserved(),
                "with Weft every transfer should have moved its money both ways or not at all.",
                "Without Weft no money was lost this time; with Weft none can be.",
                "Same bank, same JVMs; only -javaagent and weft-bank.yaml changed.");
    }

    /** The banks open together on a fresh database, make their transfers, settle and exit; then the books. */
    private static Outcome round(DemoOptions options, Path dir, BiFunction<JavaProcess.Builder, Path, JavaProcess.Builder> customise)
            throws IOException {
        Files.createDirectories(dir);
        // AUTO_SERVER: the first to open the file (this JVM, which holds it open all round) serves it to the banks.
        String url = "jdbc:h2:file:" + dir.resolve("bank").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        List<JavaProcess> banks = new ArrayList<>();
        try (Connection server = DriverManager.getConnection(url, "sa", "")) {
            Ledger ledger = new Ledger(url);
            ledger.open();
            for (int b = 1; b <= options.banks(); b++) {
                JavaProcess.Builder bank = JavaProcess.mainClass(BankApp.class.getName()).name("bank " + b)
                        .args(url, Integer.toString(options.tellers()), Integer.toString(options.transfersPerTeller()));
                banks.add(customise.apply(bank, dir.resolve("txlog-bank-" + b)).start());
            }
            banks.forEach(bank -> bank.awaitLine("READY", START_TIMEOUT));
            System.out.println("  " + banks.size() + " banks started; opening them all at once");
            banks.forEach(bank -> bank.send("open"));

            List<String> closed = new ArrayList<>();
            for (int b = 1; b <= banks.size(); b++) {
                JavaProcess bank = banks.get(b - 1);
                int status = bank.awaitExit(RUN_TIMEOUT);
                if (status != 0) {
                    throw new IllegalStateException("bank " + b + " exited with status " + status + bank.report());
                }
                bank.stdoutLines().stream().filter(line -> line.startsWith("transfer failed:")).findFirst()
                        .ifPresent(line -> System.out.println("  " + line));
                closed.add(bank.awaitLine(line -> line.startsWith(CLOSED), "CLOSED", Duration.ZERO));
            }
            long[] totals = ledger.totals();
            return new Outcome(closed, totals[0], totals[1], totals[2]);
        } catch (SQLException e) {
            throw new IllegalStateException("the bank's database failed: " + e.getMessage(), e);
        } finally {
            banks.forEach(JavaProcess::close);
        }
    }

    private static void report(Outcome outcome) {
        for (int b = 0; b < outcome.closedByBank().size(); b++) {
            String[] counts = outcome.closedByBank().get(b).substring(CLOSED.length()).split(" ");
            System.out.printf("  bank %d: %s transfers made, %s refused (insufficient funds), %s failed (a credit failed)%n",
                    b + 1, value(counts[0]), value(counts[1]), value(counts[2]));
        }
        if (outcome.conserved()) {
            System.out.println("  money conserved: total " + outcome.balances() + ", frozen " + outcome.frozen());
            return;
        }
        System.out.println("  accounts hold " + outcome.balances() + " of " + MONEY + "; " + outcome.frozen()
                + " frozen by debits nobody confirmed or cancelled, " + outcome.incoming()
                + " announced to credits nobody confirmed");
        System.out.println("  money NOT conserved: total " + outcome.balances() + ", frozen " + outcome.frozen());
    }

    private static String value(String count) {
        return count.substring(count.indexOf('=') + 1);
    }
}
