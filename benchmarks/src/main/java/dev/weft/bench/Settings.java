package dev.weft.bench;

import java.time.Duration;

/**
 * How long and how often to measure.
 *
 * @param smoke             CI's mode: every row runs briefly, only to prove that it still runs
 * @param warmup            load rows: each worker JVM's unrecorded warm-up
 * @param measure           load rows: the measured window
 * @param startupWarmups    start-up rows: discarded launches of each variant (page cache, CDS archive)
 * @param startupRuns       start-up rows: measured launches of each variant, interleaved
 * @param generatedClasses  start-up rows: classes of the generated application
 * @param jmhForks          per-call rows: JMH forks
 * @param jmhIterations     per-call rows: JMH warm-up and measured iterations, each
 * @param jmhIteration      per-call rows: length of one JMH iteration
 */
public record Settings(boolean smoke, Duration warmup, Duration measure, int startupWarmups, int startupRuns,
                       int generatedClasses, int jmhForks, int jmhIterations, Duration jmhIteration) {
    public static final Settings FULL = new Settings(false, Duration.ofSeconds(5), Duration.ofSeconds(10), 2, 10,
            5_000, 2, 5, Duration.ofSeconds(1));
    public static final Settings SMOKE = new Settings(true, Duration.ofMillis(200), Duration.ofMillis(300), 0, 1,
            100, 1, 1, Duration.ofMillis(200));
}
