package dev.weft.bench.load;

import java.util.StringJoiner;

/**
 * Latencies in nanoseconds, in log-linear buckets: exact below 128 ns, then 128 buckets per power of two (under 1%
 * error), so recording is one array increment and a whole run of any length fits in a fixed array. Worker JVMs send
 * theirs to the harness as text, where they are merged: percentiles of a multi-JVM row are over every operation.
 */
public final class Histogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int SIZE = (Long.SIZE - SUB_BITS) * SUB;

    private final long[] counts = new long[SIZE];
    private long total;

    public void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    public void add(Histogram other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public long count() {
        return total;
    }

    /** The smallest recorded value (to bucket precision) at or above which lies {@code 1 - quantile} of them. */
    public long percentile(double quantile) {
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return lowerBound(i);
            }
        }
        return 0;
    }

    /** Non-empty buckets as {@code index:count,...}; {@code -} when empty. */
    public String encode() {
        StringJoiner text = new StringJoiner(",");
        for (int i = 0; i < SIZE; i++) {
            if (counts[i] != 0) {
                text.add(i + ":" + counts[i]);
            }
        }
        return total == 0 ? "-" : text.toString();
    }

    public static Histogram decode(String text) {
        Histogram histogram = new Histogram();
        if (!text.equals("-")) {
            for (String bucket : text.split(",")) {
                int colon = bucket.indexOf(':');
                long count = Long.parseLong(bucket.substring(colon + 1));
                histogram.counts[Integer.parseInt(bucket.substring(0, colon))] += count;
                histogram.total += count;
            }
        }
        return histogram;
    }

    static int index(long value) {
        if (value < SUB) {
            return (int) value;
        }
        int shift = (Long.SIZE - 1 - Long.numberOfLeadingZeros(value)) - SUB_BITS;
        return (shift + 1) * SUB + (int) ((value >>> shift) & (SUB - 1));
    }

    static long lowerBound(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        return (long) (SUB + index % SUB) << shift;
    }
}
