package dev.weft.runtime.retry;

import dev.weft.runtime.config.TransactionSettings;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between attempts (of TCC's phase two, of a message's handling): {@code initial * 2^(n-1)} after the n-th,
 * at most {@code max}, then a random point in its upper half, so that many transactions failing on one participant
 * do not retry in lockstep.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;

    public Backoff(TransactionSettings.Retry retry) {
        this.initialMillis = retry.initial().toMillis();
        this.maxMillis = retry.max().toMillis();
    }

    /** @param rounds failed or waiting rounds so far, at least 1 */
    public long pauseMillis(int rounds) {
        int doublings = Math.min(rounds - 1, 62);
        long pause = doublings >= Long.numberOfLeadingZeros(initialMillis) - 1
                ? maxMillis
                : Math.min(maxMillis, initialMillis << doublings);
        long half = pause / 2;
        return half + ThreadLocalRandom.current().nextLong(pause - half + 1);
    }
}
