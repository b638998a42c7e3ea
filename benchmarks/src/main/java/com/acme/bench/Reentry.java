package com.acme.bench;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The application side of {@code dev.weft.bench.fastpath.WovenReentryBenchmark}: its row weaves a lock keyed by the first
 * argument into {@link #holdAndReenter} and {@link #reenter}: every {@code reenter} inside {@code holdAndReenter}
 * is then a re-entry of a lock the thread already holds, Weft's local fast path, with no Redis call.
 */
public final class Reentry {
    private Reentry() {
    }

    /** Woven: takes the lock once, then calls {@link #reenter} on the same key {@code calls} times. */
    public static void holdAndReenter(String key, int calls, Blackhole blackhole) {
        for (int i = 0; i < calls; i++) {
            blackhole.consume(reenter(key, i));
        }
    }

    /** Woven with the same key as {@link #holdAndReenter}. */
    public static int reenter(String key, int call) {
        return key.length() + call;
    }

    /**
     * The same loop and callee, never woven: what the call costs without Weft. The result depends on {@code call}
     * so that the compiler cannot hoist the call out of the loop and measure nothing.
     */
    public static void callPlain(String key, int calls, Blackhole blackhole) {
        for (int i = 0; i < calls; i++) {
            blackhole.consume(plain(key, i));
        }
    }

    public static int plain(String key, int call) {
        return key.length() + call;
    }
}
