package com.acme.bankdemo;

import com.acme.common.Coordinator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bank whose tellers (threads) transfer money between accounts kept in a database that every running copy of the
 * bank (JVM) shares. It knows nothing about Weft: {@link TransferService#transfer} calls the debit's and the credit's
 * tries, and a TCC coordinator, if there is one, confirms or cancels them.
 *
 * <p>Usage: {@code BankApp <jdbc url> <tellers> <transfers per teller>}. Prints {@code READY}, opens at the next line
 * (or end of input) on standard input, and when its tellers are done (and, if a coordinator is watching over JMX,
 * it has nothing left to finish) prints {@code CLOSED done=<n> insufficient=<n> failed=<n>} and exits.
 */
public final class BankApp {
    private BankApp() {
    }

    public static void main(String[] args) throws Exception {
        Ledger ledger = new Ledger(args[0]);
        int tellers = Integer.parseInt(args[1]);
        int transfersPerTeller = Integer.parseInt(args[2]);
        TransferService transfers = new TransferService(new DebitService(ledger), new CreditService(ledger));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        in.readLine();

        AtomicInteger done = new AtomicInteger();
        AtomicInteger insufficient = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= tellers; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < transfersPerTeller; i++) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int from = random.nextInt(Ledger.ACCOUNTS);
                    int to = (from + 1 + random.nextInt(Ledger.ACCOUNTS - 1)) % Ledger.ACCOUNTS;
                    String id = ProcessHandle.current().pid() + "-" + Thread.currentThread().getName() + "-" + i;
                    try {
                        transfers.transfer(id, Ledger.account(from), Ledger.account(to), 1 + random.nextInt(100));
                        done.incrementAndGet();
                    } catch (DebitService.InsufficientFundsException e) {
                        insufficient.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        if (!(e instanceof CreditService.CreditFailedException)) {
                            System.out.println("transfer failed: " + e.getClass().getName() + ": " + e.getMessage());
                        }
                    }
                }
            }, "teller-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        Coordinator.awaitSettled(Duration.ofSeconds(30));
        System.out.println("CLOSED done=" + done + " insufficient=" + insufficient + " failed=" + failed);
    }
}
