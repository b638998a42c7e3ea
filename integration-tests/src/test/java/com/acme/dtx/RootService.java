package com.acme.dtx;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The root service: {@code run <transfers> <threads> <seed>} makes that many random transfers (0: as many as it takes
 * until the test sends {@code STOP}; it also stops early on {@code STOP}) from the payer's accounts
 * ({@code $PAYER_URL}) to the payee's ({@code $PAYEE_URL}) with {@link TransferService#transfer}, printing for each
 * {@code START <transfer>}, then {@code OK <transfer>} or {@code FAILED <transfer> <exception class>: <message>}, {@code PROGRESS <n>} every 10, and
 * {@code DONE ok=<n> failed=<n>} at the end. It has no database and no participant of its own. A thread whose transfer
 * failed pauses 20 ms before its next one, as a client backs off, so that an outage does not turn into a busy loop.
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
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < count || count == 0; ) {
                    if (Console.heard("STOP")) {
                        return;
                    }
                    if (!transfer(transfers, seed, i)) {
                        failed.incrementAndGet();
                        pause();
                    }
                    if (done.incrementAndGet() % 10 == 0) {
                        Console.tell("PROGRESS " + done.get());
                    }
                }
            }, "transfers-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Console.tell("DONE ok=" + (done.get() - failed.get()) + " failed=" + failed.get());
    }

    private static boolean transfer(TransferService transfers, long seed, int i) {
        Random random = new Random(seed * 1_000_003 + i);
        String from = "a" + random.nextInt(Ledger.ACCOUNTS);
        String to = "b" + random.nextInt(Ledger.ACCOUNTS);
        long amount = 1 + random.nextInt(50);
        String id = "t" + seed + "-" + i;
        Console.tell("START " + id);
        try {
            transfers.transfer(id, from, to, amount);
            Console.tell("OK " + id);
            Points.reach("committed", id); // the global method returned: the commit is durable
            return true;
        } catch (RuntimeException e) {
            Console.tell("FAILED " + id + " " + e.getClass().getName() + ": " + e.getMessage());
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
