package com.acme.rewards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the shop stops for a moment, so that whoever runs it can act at exactly that point (the demo kills it there):
 * with {@code -Dshop.pauseAt=<n>}, the n-th purchase whose two tries went through prints {@code PAUSED before-return
 * <purchase>} before {@link CheckoutService#buyPoints} returns, then {@code PAUSED returned <purchase>} right after,
 * and each time waits for a line on standard input. Without the property, it does nothing.
 */
final class PausePoint {
    private static final int PAUSE_AT = Integer.getInteger("shop.pauseAt", 0);
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));
    private static int reached;
    private static String paused;

    private PausePoint() {
    }

    static synchronized void reach(String point, String purchase) {
        if (point.equals("before-return") && ++reached == PAUSE_AT) {
            paused = purchase;
        }
        if (purchase.equals(paused)) {
            System.out.println("PAUSED " + point + " " + purchase);
            readLine();
        }
    }

    /** A line of standard input (null at its end). */
    static synchronized String readLine() {
        try {
            return IN.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
