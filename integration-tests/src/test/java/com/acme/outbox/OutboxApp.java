package com.acme.outbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * {@code publish <url> <orders> [<first id>]}: places the orders (every fifth id is rejected after its insert; an order
 * Weft refuses prints {@code REFUSED <id> <error>}), prints {@code PLACED <n>} and {@code ORDERS <rows> <sum>}, then
 * waits for a line on stdin before it exits, so the relay has its time. {@code consume <url> <expected>}: records
 * shipments until it has at least {@code expected}, then prints {@code SHIPPED <rows> <distinct orders> <sum>} and
 * waits for a line on stdin.
 */
public final class OutboxApp {
    private OutboxApp() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[1];
        int count = Integer.parseInt(args[2]);
        if (args[0].equals("publish")) {
            Orders orders = new Orders(url);
            int first = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            int placed = 0;
            for (int id = first; id < first + count; id++) {
                try {
                    orders.place(new Order(id, "sku-" + id % 3, id * 10L, id % 5 == 0));
                    placed++;
                } catch (IllegalStateException rejected) {
                    // the order's own failure, as the application would report it
                } catch (SQLException refused) {
                    System.out.println("REFUSED " + id + " " + refused.getMessage());
                }
            }
            System.out.println("PLACED " + placed);
            System.out.println("ORDERS " + orders.summary());
        } else {
            Shipping shipping = new Shipping(url);
            untilReachable(() -> {
                shipping.createTable();
                return null;
            });
            System.out.println("READY");
            String summary = untilReachable(shipping::summary);
            while (Long.parseLong(summary.split(" ")[0]) < count) {
                Thread.sleep(50); // polls its own table: the messages arrive on Weft's threads
                summary = untilReachable(shipping::summary);
            }
            System.out.println("SHIPPED " + summary);
        }
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /**
     * Asked again while the database cannot be reached: in the crash tests it is served by an instance that gets
     * killed (H2 AUTO_SERVER), the survivor takes over serving it, and H2 refuses a second process that opens it just
     * as the first one touches its lock file ("Lock file recently modified").
     */
    private static <T> T untilReachable(SqlCall<T> call) throws InterruptedException {
        while (true) {
            try {
                return call.run();
            } catch (SQLException broken) {
                Thread.sleep(50);
            }
        }
    }

    private interface SqlCall<T> {
        T run() throws SQLException;
    }
}
