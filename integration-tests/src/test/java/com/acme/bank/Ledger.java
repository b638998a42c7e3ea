package com.acme.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bank's books in one text file, rewritten whole by an atomic rename after every change: a crash leaves either
 * the old or the new books, never half of a change (like one local database transaction per method).
 *
 * <p>Money a debit's try took aside is {@code frozen} until confirmed (it leaves the balance) or cancelled (it stays);
 * money a credit's try announced is {@code incoming} until confirmed (it joins the balance) or cancelled.
 */
public final class Ledger {
    public static final int ACCOUNTS = 5;
    public static final long OPENING_BALANCE = 1000;

    private final Path file;
    private final Map<String, Long> balances = new TreeMap<>();
    private final Map<String, Hold> frozen = new TreeMap<>();
    private final Map<String, Hold> incoming = new TreeMap<>();

    /** Money held for a transfer id. */
    public record Hold(String account, long amount) {
    }

    private Ledger(Path file) {
        this.file = file;
    }

    /** Opens the books in {@code dir}, with {@link #ACCOUNTS} accounts of {@link #OPENING_BALANCE} if there are none. */
    public static Ledger open(Path dir) {
        Ledger ledger = new Ledger(dir.resolve("ledger.txt"));
        if (Files.exists(ledger.file)) {
            ledger.load();
        } else {
            for (int i = 0; i < ACCOUNTS; i++) {
                ledger.balances.put(account(i), OPENING_BALANCE);
            }
            ledger.save();
        }
        return ledger;
    }

    public static String account(int i) {
        return "acct-" + i;
    }

    public synchronized long available(String account) {
        long held = frozen.values().stream().filter(h -> h.account.equals(account)).mapToLong(Hold::amount).sum();
        return balances.get(account) - held;
    }

    public synchronized boolean freeze(String transferId, String account, long amount) {
        if (frozen.containsKey(transferId)) {
            return false;
        }
        frozen.put(transferId, new Hold(account, amount));
        save();
        return true;
    }

    /** Takes frozen money out of its account; nothing if it is not frozen (never was, or already settled). */
    public synchronized void settleFrozen(String transferId) {
        Hold hold = frozen.remove(transferId);
        if (hold != null) {
            balances.merge(hold.account, -hold.amount, Long::sum);
            save();
        }
    }

    public synchronized void unfreeze(String transferId) {
        if (frozen.remove(transferId) != null) {
            save();
        }
    }

    public synchronized void announce(String transferId, String account, long amount) {
        if (incoming.putIfAbsent(transferId, new Hold(account, amount)) == null) {
            save();
        }
    }

    public synchronized void settleIncoming(String transferId) {
        Hold hold = incoming.remove(transferId);
        if (hold != null) {
            balances.merge(hold.account, hold.amount, Long::sum);
            save();
        }
    }

    public synchronized void dropIncoming(String transferId) {
        if (incoming.remove(transferId) != null) {
            save();
        }
    }

    /** {@code TOTAL <sum of balances> FROZEN <holds> INCOMING <holds>}: settled books say TOTAL 5000 FROZEN 0 INCOMING 0. */
    public synchronized String summary() {
        long total = balances.values().stream().mapToLong(Long::longValue).sum();
        return "TOTAL " + total + " FROZEN " + frozen.size() + " INCOMING " + incoming.size();
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "balance" -> balances.put(f[1], Long.parseLong(f[2]));
                    case "frozen" -> frozen.put(f[1], new Hold(f[2], Long.parseLong(f[3])));
                    case "incoming" -> incoming.put(f[1], new Hold(f[2], Long.parseLong(f[3])));
                    default -> throw new IllegalStateException("bad ledger line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        balances.forEach((account, balance) -> lines.add("balance " + account + " " + balance));
        frozen.forEach((id, h) -> lines.add("frozen " + id + " " + h.account + " " + h.amount));
        incoming.forEach((id, h) -> lines.add("incoming " + id + " " + h.account + " " + h.amount));
        try {
            Path next = file.resolveSibling("ledger.next");
            Files.write(next, lines);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
