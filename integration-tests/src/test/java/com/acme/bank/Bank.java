package com.acme.bank;

import com.acme.support.Handshake;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A bank moving money between accounts, knowing nothing of Weft: with the agent, {@link TransferService#transfer}
 * is a global transaction over {@link DebitService} and {@link CreditService}. The books live in
 * {@code $BANK_DIR/ledger.txt}.
 *
 * <ul>
 *   <li>{@code run <transfers> <threads> <seed>}: that many random transfers, then {@code DONE ...}, then the books
 *   once nothing is left to settle. Prints {@code PROGRESS <n>} every 10 transfers.
 *   <li>{@code check}: the books, once nothing is left to settle (recovery of an earlier run, with the agent).
 *   <li>{@code late <millis>}: one transfer that waits that long after its tries; prints {@code LATE <outcome>}.
 *   <li>{@code hold}: says {@code READY}, then waits until standard input ends.
 * </ul>
 * The books print as {@code TOTAL <sum> FROZEN <n> INCOMING <n>}; settled, they say {@code TOTAL 5000 FROZEN 0 INCOMING 0}.
 */
public final class Bank {
    private static Ledger ledger;

    private Bank() {
    }

    static synchronized Ledger ledger() {
        if (ledger == null) {
            ledger = Ledger.open(Path.of(System.getenv("BANK_DIR")));
        }
        return ledger;
    }

    public static void main(String[] args) throws Exception {
        DebitService debits = new DebitService(ledger());
        CreditService credits = new CreditService(ledger());
        TransferService transfers = new TransferService(debits, credits);
        switch (args[0]) {
            case "run" -> run(transfers, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "check" -> { }
            case "late" -> late(transfers, Long.parseLong(args[1]));
            case "hold" -> {
                Handshake.tell("READY");
                Handshake.await("never sent: waits until standard input ends");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        settle();
        Handshake.tell(ledger().summary());
    }

    private static void run(TransferService transfers, int count, int threads, long seed) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 1_000_003 + i);
            int from = random.nextInt(Ledger.ACCOUNTS);
            int to = (from + 1 + random.nextInt(Ledger.ACCOUNTS - 1)) % Ledger.ACCOUNTS;
            long amount = 1 + random.nextInt(50);
            String id = "t" + seed + "-" + i;
            pool.execute(() -> {
                try {
                    transfers.transfer(id, Ledger.account(from), Ledger.account(to), amount);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
                if (done.incrementAndGet() % 10 == 0) {
                    Handshake.tell("PROGRESS " + done.get());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("transfers did not finish");
        }
        Handshake.tell("DONE ok=" + (count - failed.get()) + " failed=" + failed.get());
    }

    private static void late(TransferService transfers, long millis) throws InterruptedException {
        try {
            transfers.transferSlowly("late-1", Ledger.account(0), Ledger.account(1), 10, millis);
            Handshake.tell("LATE returned");
        } catch (RuntimeException e) {
            Handshake.tell("LATE " + e.getClass().getName());
        }
    }

    /** Waits until Weft, if attached, has no transaction running or left to finish (also used by other banks). */
    public static void settle() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.weft:type=Transactions");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Weft registers its beans on a background thread, moments after start-up: wait for them if it is attached.
        while (weftAttached() && !server.isRegistered(name) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        try {
            while (count(server, name, "Active") + count(server, name, "Recovering") > 0) {
                if (System.nanoTime() > deadline) {
                    Handshake.tell("UNSETTLED after 60s");
                    return;
                }
                Thread.sleep(20);
            }
            Handshake.tell("FAILED " + count(server, name, "Failed"));
        } catch (InstanceNotFoundException noAgent) {
            Handshake.tell("NO AGENT");
        }
    }

    private static boolean weftAttached() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("weft-agent"));
    }

    private static long count(MBeanServer server, ObjectName name, String attribute) throws JMException {
        return (Long) server.getAttribute(name, attribute);
    }
}
