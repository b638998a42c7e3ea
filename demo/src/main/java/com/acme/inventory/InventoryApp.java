package com.acme.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shop whose clerks (threads) sell one SKU from a stock count kept in a file that every running copy of the
 * shop (JVM) shares. Each sale is also written to this shop's own sales file, so the units sold can be counted.
 *
 * <p>{@link #reserve} is the textbook check-then-act race: two clerks, here or in another shop, can both see the
 * last unit and both sell it. The application knows nothing about locks; Weft adds them from {@code weft.yaml}.
 *
 * <p>Usage: {@code InventoryApp <stock file> <sales file> <clerks> <orders per clerk>}. It prints {@code READY} and
 * opens when it reads a line (or end of input) on standard input, so that several shops can open at once. When its
 * clerks are done it prints {@code CLOSED failed=<orders that failed>} and exits at the next line (or end of input),
 * so that whoever runs it can look at the closed shop first.
 */
public final class InventoryApp {
    public static final String SKU = "widget-42";

    private final Path stockFile;
    private final Path salesFile;

    public InventoryApp(Path stockFile, Path salesFile) {
        this.stockFile = stockFile;
        this.salesFile = salesFile;
    }

    public static void main(String[] args) throws Exception {
        InventoryApp shop = new InventoryApp(Path.of(args[0]), Path.of(args[1]));
        int clerks = Integer.parseInt(args[2]);
        int ordersPerClerk = Integer.parseInt(args[3]);

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("READY");
        in.readLine();

        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 1; c <= clerks; c++) {
            String clerk = "clerk-" + c;
            threads.add(new Thread(() -> shop.serve(clerk, ordersPerClerk, failed), clerk));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("CLOSED failed=" + failed.get());
        in.readLine();
    }

    /** Takes one unit off the shelf; false when the shelf is empty. */
    public boolean reserve(String sku) {
        int stock = readStock();
        if (stock <= 0) {
            return false;
        }
        checkPayment();
        writeStock(stock - 1);
        return true;
    }

    private void serve(String clerk, int orders, AtomicInteger failed) {
        for (int i = 0; i < orders; i++) {
            try {
                if (!reserve(SKU)) {
                    return;
                }
                recordSale(clerk);
                greetNextCustomer();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                System.out.println("order failed: " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    private int readStock() {
        try {
            return Integer.parseInt(Files.readString(stockFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file in one rename, so a reader sees the old or the new count, never a half-written one. */
    private void writeStock(int stock) {
        try {
            Path next = Files.createTempFile(stockFile.getParent(), "stock", ".next");
            Files.writeString(next, Integer.toString(stock));
            Files.move(next, stockFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands for the real work between reading the stock and writing it back; it is what widens the race. */
    private static void checkPayment() {
        Thread.yield();
    }

    /** Clerks do not all come back to the shelf at the same instant, in a real shop or here. */
    private static void greetNextCustomer() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(2, 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while serving", e);
        }
    }

    private synchronized void recordSale(String clerk) {
        try {
            Files.writeString(salesFile, clerk + " sold 1 " + SKU + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
