package com.acme.dtx;

import java.net.URI;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The root service: {@code run <transfers> <threads> <seed>} makes that many random transfers from the payer's
 * accounts ({@code $PAYER_URL}) to the payee's ({@code $PAYEE_URL}) with {@link TransferService#transfer}, printing
 * for each {@code OK <transfer>} or {@code FAILED <transfer> <exception class>: <message>}, {@code PROGRESS <n>} every
 * 10, and {@code DONE ok=<n> failed=<n>} at the end. It has no database and no participant of its own.
 */
public final class RootService {
    private RootService() {
    }

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("run")) {
            throw new IllegalArgumentException(args[0]);
        }
        int count = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        TransferService transfers = new TransferService(URI.create(System.getenv("PAYER_URL")),
                URI.create(System.getenv("PAYEE_URL")));
        Console.awaitWeft();
        Console.tell("READY");
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 1_000_003 + i);
            String from = "a" + random.nextInt(Ledger.ACCOUNTS);
            String to = "b" + random.nextInt(Ledger.ACCOUNTS);
            long amount = 1 + random.nextInt(50);
            String id = "t" + seed + "-" + i;
            pool.execute(() -> {
                try {
                    transfers.transfer(id, from, to, amount);
                    Console.tell("OK " + id);
                    Points.reach("committed", id); // the global method returned: the commit is durable
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    Console.tell("FAILED " + id + " " + e.getClass().getName() + ": " + e.getMessage());
                }
                if (done.incrementAndGet() % 10 == 0) {
                    Console.tell("PROGRESS " + done.get());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("transfers did not finish");
        }
        Console.tell("DONE ok=" + (count - failed.get()) + " failed=" + failed.get());
    }
}
