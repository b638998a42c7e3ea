package dev.weft.runtime.lock;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations in nanoseconds, counted lock-free in buckets: four per power of two, so a percentile read back is at
 * most 25% above the true value, never below it. Recording is one array increment; reading walks 256 counters.
 */
public final class Histogram {
    private static final int SUB_BITS = 2;
    private static final int SUBS = 1 << SUB_BITS;
    private final AtomicLongArray counts = new AtomicLongArray(64 * SUBS);

    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos)));
    }

    public long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The smallest bucket bound that at least {@code percentile} percent of the recorded durations do not exceed;
     * 0 when nothing was recorded.
     */
    public long percentileNanos(double percentile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * Math.min(100, Math.max(0, percentile)) / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length() - 1);
    }

    static int index(long value) {
        if (value < SUBS) {
            return (int) value;
        }
        int msb = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (msb - SUB_BITS)) & (SUBS - 1);
        return (msb - SUB_BITS + 1) * SUBS + sub;
    }

    static long upperBound(int index) {
        if (index < SUBS) {
            return index;
        }
        int msb = index / SUBS + SUB_BITS - 1;
        long width = 1L << (msb - SUB_BITS);
        long lower = (long) (SUBS + index % SUBS) << (msb - SUB_BITS);
        return lower + width - 1;
    }
}
