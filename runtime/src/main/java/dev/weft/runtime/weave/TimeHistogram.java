package dev.weft.runtime.weave;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Durations since start, in microsecond buckets four to each power of two, so a reported percentile is at most a
 * quarter above the true one. Recording is two uncontended-in-practice atomic updates and allocates nothing, which
 * matters because it runs on every call of a woven method.
 */
final class TimeHistogram {
    /** Values 0..3 get a bucket each; above that, four buckets per power of two up to 2^63. */
    private static final int BUCKETS = 4 + 61 * 4;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator maxMicros = new LongAccumulator(Math::max, 0);

    void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(bucket(micros));
        maxMicros.accumulate(micros);
    }

    /** The percentiles of several histograms taken together. */
    static Percentiles combined(Collection<TimeHistogram> histograms) {
        long[] sum = new long[BUCKETS];
        long max = 0;
        for (TimeHistogram histogram : histograms) {
            for (int i = 0; i < BUCKETS; i++) {
                sum[i] += histogram.counts.get(i);
            }
            max = Math.max(max, histogram.maxMicros.get());
        }
        long count = 0;
        for (long c : sum) {
            count += c;
        }
        return new Percentiles(count, millis(at(sum, count, 0.50, max)), millis(at(sum, count, 0.90, max)),
                millis(at(sum, count, 0.99, max)), millis(max));
    }

    static int bucket(long micros) {
        if (micros < 4) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) (micros >>> (exponent - 2)) & 3;
        return 4 + (exponent - 2) * 4 + sub;
    }

    /** The largest value that falls in {@code bucket}. */
    static long upperBound(int bucket) {
        if (bucket < 4) {
            return bucket;
        }
        int exponent = (bucket - 4) / 4 + 2;
        int sub = (bucket - 4) % 4;
        return ((5L + sub) << (exponent - 2)) - 1;
    }

    /** The smallest bucket bound below which {@code fraction} of the values lie; never above the exact maximum. */
    private static long at(long[] counts, long total, double fraction, long max) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
