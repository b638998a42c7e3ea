package dev.weft.runtime.weave;

/**
 * A summary of durations since start, in milliseconds (JMX shows it as one composite value).
 *
 * @param count how many durations were recorded
 */
public record Percentiles(long count, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {
}
