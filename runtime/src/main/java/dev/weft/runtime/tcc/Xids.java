package dev.weft.runtime.tcc;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction ids, unique within a log: the process start time and a random part, then a counter. The random part
 * keeps ids apart even if the clock went back between two runs on one log.
 */
final class Xids {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    Xids() {
        this.prefix = Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36) + "-";
    }

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
