package com.acme.reentrant;

import com.acme.support.Handshake;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Two methods locked on the same key, {@link #audit} calling {@link #balance} on the same thread.
 *
 * <p>To show that the lock really is held (and not merely absent), it also calls {@code balance} from another
 * thread while {@code audit} is still running, and once more after {@code audit} returned. Prints
 * {@code REENTERED <result>}, {@code WHILE_HELD <ran|exception class>}, {@code AFTER <ran|exception class>}.
 */
public final class LedgerApp {
    public static void main(String[] args) {
        LedgerApp ledger = new LedgerApp();
        AtomicReference<String> whileHeld = new AtomicReference<>();
        try {
            String result = ledger.audit("acct-1", () -> whileHeld.set(onOtherThread(() -> ledger.balance("acct-1"))));
            Handshake.tell("REENTERED " + result);
        } catch (RuntimeException e) {
            Handshake.tell("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
        Handshake.tell("WHILE_HELD " + whileHeld.get());
        Handshake.tell("AFTER " + onOtherThread(() -> ledger.balance("acct-1")));
    }

    /** Runs {@code andThen} after the nested call returned, so the outer lock must still be held then. */
    public String audit(String account, Runnable andThen) {
        String balance = balance(account);
        andThen.run();
        return "audited " + balance;
    }

    public String balance(String account) {
        return "balance of " + account;
    }

    private static String onOtherThread(Supplier<String> call) {
        AtomicReference<String> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                call.get();
                outcome.set("ran");
            } catch (RuntimeException e) {
                outcome.set(e.getClass().getName());
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return outcome.get();
    }
}
