package dev.weft.bench.load;

import java.time.Duration;

/** What the worker JVMs of one implementation did in the measured window, all of them together. */
public record LoadResult(Histogram latency, long failures, Duration window) {
    public double perSecond() {
        return latency.count() / (window.toNanos() / 1e9);
    }

    public long p50Nanos() {
        return latency.percentile(0.50);
    }

    public long p99Nanos() {
        return latency.percentile(0.99);
    }
}
