package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for a condition another thread makes true; the timeout only keeps a broken run from hanging. */
final class Eventually {
    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not true after 30s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    /** Lets the wall clock pass {@code millis}, for deadlines; not a timing assertion. */
    static void clockPasses(long millis) {
        long until = System.currentTimeMillis() + millis + 1;
        while (System.currentTimeMillis() <= until) {
            Thread.onSpinWait();
        }
    }
}
