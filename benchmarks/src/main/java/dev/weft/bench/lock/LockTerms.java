package dev.weft.bench.lock;

import java.time.Duration;

/** The same promise from every implementation, so that they do comparable work. */
public final class LockTerms {
    /** Weft {@code lease: 30s} (renewed), Redisson's watchdog default (renewed), the floor's {@code PX} (not). */
    public static final Duration LEASE = Duration.ofSeconds(30);
    /** Longest wait for a busy lock; a wait that runs out counts as a failed operation. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private LockTerms() {
    }
}
