package dev.weft.runtime.weave;

import dev.weft.runtime.metrics.Histogram;

/**
 * A summary of durations since start, in milliseconds (JMX shows it as one composite value).
 *
 * @param count how many durations were recorded
 */
public record Percentiles(long count, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {
    static Percentiles of(Histogram histogram) {
        return new Percentiles(histogram.count(), millis(histogram.percentileNanos(50)),
                millis(histogram.percentileNanos(90)), millis(histogram.percentileNanos(99)),
                millis(histogram.maxNanos()));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
