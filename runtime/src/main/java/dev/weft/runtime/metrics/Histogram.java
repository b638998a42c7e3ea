package dev.weft.runtime.metrics;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Durations in nanoseconds, counted lock-free in buckets four to each power of two, so a percentile read back is at
 * most a quarter above the true value, never below it, and never above the largest value recorded. Recording is two
 * atomic updates and allocates nothing: it runs on every call of a woven method and for every lock taken. Reading
 * walks 256 counters.
 */
public final class Histogram {
    private static final int SUB_BITS = 2;
    private static final int SUBS = 1 << SUB_BITS;
    private static final int BUCKETS = 64 * SUBS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(index(value));
        max.accumulate(value);
    }

    /** Several histograms taken together, such as every selector's. */
    public static Histogram merged(Collection<Histogram> histograms) {
        Histogram merged = new Histogram();
        for (Histogram histogram : histograms) {
            for (int i = 0; i < BUCKETS; i++) {
                merged.counts.addAndGet(i, histogram.counts.get(i));
            }
            merged.max.accumulate(histogram.max.get());
        }
        return merged;
    }

    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The largest duration recorded; 0 when nothing was. */
    public long maxNanos() {
        return max.get();
    }

    /**
     * The smallest bucket bound that at least {@code percentile} percent of the recorded durations do not exceed, at
     * most the largest one; 0 when nothing was recorded.
     */
    public long percentileNanos(double percentile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(total * Math.min(100, Math.max(0, percentile)) / 100.0));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), maxNanos());
            }
        }
        return maxNanos();
    }

    static int index(long value) {
        if (value < SUBS) {
            return (int) value;
        }
        int msb = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (msb - SUB_BITS)) & (SUBS - 1);
        return (msb - SUB_BITS + 1) * SUBS + sub;
    }

    /** The largest value that falls in bucket {@code index}. */
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
