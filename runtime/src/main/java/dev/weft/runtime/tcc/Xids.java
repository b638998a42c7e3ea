package dev.weft.runtime.tcc;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction ids, unique across every process that shares a log: the process start time, 64 random bits drawn once
 * per process, then a counter. With a shared log many processes make ids at once, so the random part, not the clock,
 * keeps them apart (n processes started in the same millisecond collide with a chance of about n^2 / 2^65); it also
 * covers a clock that went back between two runs on one file log.
 */
final class Xids {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    Xids() {
        this.prefix = Long.toString(System.currentTimeMillis(), 36)
                + Long.toUnsignedString(new SecureRandom().nextLong(), 36) + "-";
    }

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
