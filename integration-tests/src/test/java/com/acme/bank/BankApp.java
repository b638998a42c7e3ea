package com.acme.bank;

import com.acme.support.Handshake;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Runs one disorder scenario of a TCC branch (xid, branch 1, 10 units of account {@code A}) against a database,
 * each phase bracketed by {@link Tcc}. Prints one line per phase: {@code <PHASE> <outcome> <thrown>}.
 *
 * <p>Arguments: {@code <jdbc url> <user> <password> <direct|hikari> <scenario> <xid>}.
 */
public final class BankApp {
    private static final int AMOUNT = 10;
    private static final long BRANCH = 1;
    /** How often a phase that reports ROLLED_BACK is run again, as TCC's retries would. */
    private static final int ATTEMPTS = 50;

    private final Tcc tcc;
    private final Accounts accounts;
    private final String xid;

    private BankApp(Tcc tcc, Accounts accounts, String xid) {
        this.tcc = tcc;
        this.accounts = accounts;
        this.xid = xid;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        Accounts.ConnectionSource source;
        HikariDataSource pool = null;
        if (args[3].equals("hikari")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            pool = new HikariDataSource(config);
            source = pool::getConnection;
        } else {
            source = () -> DriverManager.getConnection(url, user, password);
        }
        new BankApp(new Tcc(), new Accounts(source), args[5]).run(args[4]);
        if (pool != null) {
            pool.close();
        }
    }

    private void run(String scenario) throws Exception {
        switch (scenario) {
            case "cancel-before-try" -> cancel();
            case "try-after-cancel" -> {
                cancel();
                tryPhase();
            }
            case "duplicate-confirm" -> {
                tryPhase();
                confirm();
                confirm();
            }
            case "concurrent-cancels" -> {
                tryPhase();
                concurrentCancels();
            }
            case "confirm-then-crash" -> {
                tryPhase();
                // The crash falls between the confirm's local commit and TCC's log write: inside the phase even
                Handshake.tell(tcc.run(xid, BRANCH, "CONFIRM", () -> {
                    accounts.confirmDebit(xid, AMOUNT);
                    Runtime.getRuntime().halt(3);
                }));
            }
            case "confirm-after-restart" -> confirm();
            case "failed-try-then-cancel" -> {
                Handshake.tell(tcc.run(xid, BRANCH, "TRY", () -> accounts.tryDebitThatFails(xid, AMOUNT)));
                cancel();
                tryPhase();
            }
            case "try-commits-then-throws" -> {
                Handshake.tell(tcc.run(xid, BRANCH, "TRY",
                        () -> accounts.tryDebitThatCommitsThenThrows(xid, AMOUNT)));
                cancel();
                cancel();
            }
            case "auto-commit" -> {
                tryPhase();
                Handshake.tell(tcc.run(xid, BRANCH, "CONFIRM",
                        () -> accounts.confirmDebitAutoCommit(xid, AMOUNT, true)));
                Handshake.tell(tcc.run(xid, BRANCH, "CONFIRM",
                        () -> accounts.confirmDebitAutoCommit(xid, AMOUNT, false)));
                Handshake.tell(tcc.run(xid, BRANCH, "CONFIRM",
                        () -> accounts.confirmDebitAutoCommit(xid, AMOUNT, false)));
            }
            case "swallowed-skip" -> {
                tryPhase();
                confirm();
                Handshake.tell(tcc.run(xid, BRANCH, "CONFIRM", () -> accounts.confirmDebitIgnoringErrors(xid, AMOUNT)));
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    private void tryPhase() throws ReflectiveOperationException {
        Handshake.tell(tcc.run(xid, BRANCH, "TRY", () -> accounts.tryDebit(xid, AMOUNT)));
    }

    private void confirm() throws ReflectiveOperationException {
        Handshake.tell(tcc.run(xid, BRANCH, "CONFIRM", () -> accounts.confirmDebit(xid, AMOUNT)));
    }

    private void cancel() throws ReflectiveOperationException {
        Handshake.tell(tcc.run(xid, BRANCH, "CANCEL", () -> accounts.cancelDebit(xid, AMOUNT)));
    }

    /**
     * Two threads cancel the branch at the same moment, both inside their phase before either runs a statement.
     * A cancel that reports ROLLED_BACK (H2 refuses the row a concurrent transaction is writing) is run again, as
     * TCC retries it; only each thread's last outcome is printed, sorted, so the output does not depend on timing.
     */
    private void concurrentCancels() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(() -> outcomes.add(cancelUntilDecided(together)));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        outcomes.stream().sorted().forEach(Handshake::tell);
    }

    private String cancelUntilDecided(CyclicBarrier together) {
        try {
            String outcome = null;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                boolean first = attempt == 0;
                outcome = tcc.run(xid, BRANCH, "CANCEL", () -> {
                    if (first) {
                        together.await(30, TimeUnit.SECONDS);
                    }
                    accounts.cancelDebit(xid, AMOUNT);
                });
                if (!outcome.startsWith("CANCEL ROLLED_BACK")) {
                    return outcome;
                }
                Thread.sleep(20L * (attempt + 1)); // TCC's backoff, bounded
            }
            return outcome;
        } catch (Exception e) {
            return "ERROR " + e;
        }
    }
}
