package dev.weft.bench.lock;

import java.time.Duration;

/** The same promise from every implementation, so that they do comparable work. */
public final class LockTerms {
    /** Weft {@code lease: 30s} (renewed), Redisson's watchdog default (renewed), the floor's {@code PX} (not). */
    public static final Duration LEASE = Duration.ofSeconds(30);
    /**
     * Longest wait for a busy lock; a wait that runs out counts as a failed operation. Long enough for a worker's
     * first call, whose wait also pays for connecting to Redis: with four cold JVMs starting at once on two busy cores
     * that took over 5 s, and the hot-key workers gave up before their first attempt was answered.
     */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private LockTerms() {
    }
}
