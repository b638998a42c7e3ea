package dev.weft.runtime.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that something else makes true, bounded by a generous limit. */
public final class Eventually {
    private Eventually() {
    }

    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not " + what + " after " + limit);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
