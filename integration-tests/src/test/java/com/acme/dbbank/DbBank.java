package com.acme.dbbank;

import com.acme.bank.Bank;
import com.acme.support.Handshake;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A bank on a database ({@code $BANK_DB}, a JDBC URL), knowing nothing of Weft: with the agent,
 * {@link TransferService#transfer} is a global transaction over {@link DebitService} and {@link CreditService}.
 *
 * <ul>
 *   <li>{@code run <transfers> <threads> <seed>}: that many random transfers, then {@code DONE}.
 *   <li>{@code check}: nothing but the wait below (recovery of an earlier run, with the agent).
 * </ul>
 * Either way it then waits until Weft has nothing left to settle and prints {@code FAILED <n>}; the test reads the
 * books from the database itself.
 */
public final class DbBank {
    private DbBank() {
    }

    public static void main(String[] args) throws Exception {
        Books books = new Books(System.getenv("BANK_DB"));
        books.create();
        TransferService transfers = new TransferService(new DebitService(books), new CreditService(books));
        if (args[0].equals("run")) {
            run(transfers, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
        } else if (!args[0].equals("check")) {
            throw new IllegalArgumentException(args[0]);
        }
        Bank.settle();
    }

    private static void run(TransferService transfers, int count, int threads, long seed) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 1_000_003 + i);
            int from = random.nextInt(Books.ACCOUNTS);
            int to = (from + 1 + random.nextInt(Books.ACCOUNTS - 1)) % Books.ACCOUNTS;
            long amount = 1 + random.nextInt(50);
            String id = "t" + seed + "-" + i;
            pool.execute(() -> {
                try {
                    transfers.transfer(id, Books.account(from), Books.account(to), amount);
                } catch (RuntimeException e) {
                    // a refused transfer: rolled back
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("transfers did not finish");
        }
        Handshake.tell("DONE");
    }
}
