package com.acme.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A service whose work is not in a database: it appends each order to a file ({@code -Dledger.file}). For the
 * prepared-message check-back ({@code checkBack: com.acme.outbox.Ledger#hasRecorded(String)}).
 * {@code Ledger <orders> <first id>} records them, prints {@code RECORDED <n>} and waits for a line on stdin;
 * {@code -Dledger.holdBefore=<id>} and {@code -Dledger.holdAfter=<id>} print {@code HOLDING <id>} before or after
 * that order's write and wait for a line.
 */
public final class Ledger {
    private static final long HOLD_BEFORE = Long.getLong("ledger.holdBefore", 0);
    private static final long HOLD_AFTER = Long.getLong("ledger.holdAfter", 0);

    private final Path file = Path.of(System.getProperty("ledger.file"));

    public static void main(String[] args) throws IOException {
        Ledger ledger = new Ledger();
        int first = Integer.parseInt(args[1]);
        for (int id = first; id < first + Integer.parseInt(args[0]); id++) {
            ledger.record(new Order(id, "sku", id * 10L, false));
        }
        System.out.println("RECORDED " + args[0]);
        awaitLine();
    }

    /** Published under Weft as a prepared message with id "order-{0.id}". */
    public void record(Order order) throws IOException {
        if (order.id() == HOLD_BEFORE) {
            hold(order);
        }
        Files.writeString(file, "order-" + order.id() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
        if (order.id() == HOLD_AFTER) {
            hold(order);
        }
    }

    /** The check-back: whether the work of the message with this id happened. */
    public boolean hasRecorded(String messageId) throws IOException {
        return Files.exists(file) && Files.readAllLines(file).contains(messageId);
    }

    private static void hold(Order order) {
        System.out.println("HOLDING " + order.id());
        awaitLine();
    }

    private static void awaitLine() {
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
