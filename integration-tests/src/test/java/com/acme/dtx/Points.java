package com.acme.dtx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a service halts or waits, chosen by system properties, each a comma-separated list of {@code point@n} (the
 * n-th time the point is reached in this JVM; {@code @1} when left out) or {@code point@<transfer>} (the first time it
 * is reached for that transfer, whichever comes before it: transfer ids start with a letter, never a number):
 * <ul>
 *   <li>{@code -Ddtx.crash=...}: prints {@code CRASH <point> <transfer>} and halts at once with status 99, as
 *   {@code kill -9} or a power cut would (no shutdown hook, nothing flushed);
 *   <li>{@code -Ddtx.pause=...}: prints {@code PAUSED <point> <transfer>} and waits for {@code GO} on standard input,
 *   so that the test can act (kill this JVM, pause another, restart Redis) at exactly that moment.
 * </ul>
 */
public final class Points {
    public static final int CRASH_STATUS = 99;
    private static final Map<String, String> CRASH = parse(System.getProperty("dtx.crash", ""));
    private static final Map<String, String> PAUSE = parse(System.getProperty("dtx.pause", ""));
    private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

    private Points() {
    }

    public static void reach(String point, String transfer) {
        String crashAt = CRASH.get(point);
        String pauseAt = PAUSE.get(point);
        if (crashAt == null && pauseAt == null) {
            return;
        }
        int n = REACHED.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
        int forTransfer = REACHED.computeIfAbsent(point + " " + transfer, p -> new AtomicInteger()).incrementAndGet();
        if (at(crashAt, n, transfer, forTransfer)) {
            System.out.println("CRASH " + point + " " + transfer);
            System.out.flush();
            Runtime.getRuntime().halt(CRASH_STATUS);
        }
        if (at(pauseAt, n, transfer, forTransfer)) {
            System.out.println("PAUSED " + point + " " + transfer);
            System.out.flush();
            Console.await("GO");
        }
    }

    /** Whether {@code spec} ({@code n} or a transfer id) names this arrival at the point. */
    private static boolean at(String spec, int n, String transfer, int forTransfer) {
        if (spec == null) {
            return false;
        }
        return Character.isDigit(spec.charAt(0)) ? n == Integer.parseInt(spec)
                : spec.equals(transfer) && forTransfer == 1;
    }

    private static Map<String, String> parse(String spec) {
        Map<String, String> points = new ConcurrentHashMap<>();
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                String[] parts = entry.trim().split("@");
                points.put(parts[0], parts.length > 1 ? parts[1] : "1");
            }
        }
        return points;
    }
}
