package com.acme.handoff;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Places orders whose stock is reserved on pool threads ({@code how refuse} pairs as arguments, ids {@code how-n}),
 * prints {@code PLACED id} or {@code REFUSED id} for each, then {@code DONE}. Then, for each line {@code JOURNAL n} on
 * its standard input, it prints {@code JOURNAL n <entries>} (phase two may finish after the global method returned);
 * {@code STOP} ends it.
 */
public final class HandOffApp {
    private HandOffApp() {
    }

    public static void main(String[] args) throws Exception {
        StockService.createTable();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        OrderService orders = new OrderService(pool);
        for (int i = 0; i + 1 < args.length; i += 2) {
            String id = args[i] + "-" + (i / 2);
            try {
                orders.place(args[i], id, Boolean.parseBoolean(args[i + 1]));
                System.out.println("PLACED " + id);
            } catch (IllegalStateException refused) {
                System.out.println("REFUSED " + id);
            }
        }
        System.out.println("DONE");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("STOP"); line = in.readLine()) {
            System.out.println(line + " " + StockService.journal());
        }
        pool.shutdown();
    }
}
