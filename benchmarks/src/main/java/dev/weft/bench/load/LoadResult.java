package dev.weft.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the worker JVMs of one implementation did in the measured window, all of them together.
 *
 * @param counts what the workers' workloads counted over their whole lives (set-up and warm-up included), by
 *               name, summed over the workers: their {@code COUNT <name> <n>} lines
 * @param measuredFrom when the measured window began, by the wall clock (the {@code GO} plus the warm-up), for
 *                     rows that match it against what another process recorded
 */
public record LoadResult(Histogram latency, long failures, Duration window, Map<String, Long> counts,
                         Instant measuredFrom) {
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
