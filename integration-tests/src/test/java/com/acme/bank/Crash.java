package com.acme.bank;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash points of the bank, chosen with {@code -Dbank.crash=<point>} (and {@code -Dbank.crashAt=<n>}, the n-th time
 * the point is reached, default 1): the JVM halts there at once, as in a power cut, with exit status 99.
 */
public final class Crash {
    public static final int EXIT_STATUS = 99;
    private static final String POINT = System.getProperty("bank.crash", "");
    private static final int AT = Integer.getInteger("bank.crashAt", 1);
    private static final AtomicInteger REACHED = new AtomicInteger();

    private Crash() {
    }

    public static void point(String name) {
        if (name.equals(POINT) && REACHED.incrementAndGet() == AT) {
            System.out.println("CRASH " + name);
            System.out.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
