package dev.weft.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a state that a server or a process reaches on its own (a cluster formed, a stream filled), in a limit. */
public final class Conditions {
    private static final long POLL_MILLIS = 50;

    private Conditions() {
    }

    /** Checks {@code condition} every 50 ms; after {@code limit} fails with {@code what} and {@code state}. */
    public static void await(String what, Duration limit, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + limit + "; " + state.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
