package dev.weft.runtime.weave;

import dev.weft.runtime.metrics.Histogram;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one configured selector did since start: how many methods it wove, and what happened on their calls.
 * Counted around the site (see {@link CountingSite}), so the woven advice stays the same and every kind of rule is
 * counted alike. Reentrant calls count as calls.
 */
public final class SelectorStats {
    private final RuleCheck rule;
    private final LongAdder wovenMethods = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final Histogram waits = new Histogram();
    private final Histogram runs = new Histogram();

    SelectorStats(RuleCheck rule) {
        this.rule = rule;
    }

    public RuleCheck rule() {
        return rule;
    }

    public long wovenMethods() {
        return wovenMethods.sum();
    }

    /** Calls of the woven methods. */
    public long calls() {
        return calls.sum();
    }

    /** Calls Weft failed before the body ran: lock busy with {@code onBusy: throw}, Redis down, a bad key, ... */
    public long failures() {
        return failures.sum();
    }

    /** Calls whose body Weft skipped ({@code onBusy: skip}). */
    public long skipped() {
        return skipped.sum();
    }

    /**
     * Time from the call to the body's start, or to Weft giving up: for a lock, taking it, waiting included. Sampled
     * ({@link CountingSite}), as are {@link #runTimes}.
     */
    public Percentiles waitTimes() {
        return waitTimes(List.of(this));
    }

    /** How long bodies ran: for a lock, how long it was held. */
    public Percentiles runTimes() {
        return runTimes(List.of(this));
    }

    public static Percentiles waitTimes(List<SelectorStats> selectors) {
        return Percentiles.of(Histogram.merged(selectors.stream().map(s -> s.waits).toList()));
    }

    public static Percentiles runTimes(List<SelectorStats> selectors) {
        return Percentiles.of(Histogram.merged(selectors.stream().map(s -> s.runs).toList()));
    }

    void woven() {
        wovenMethods.increment();
    }

    void called() {
        calls.increment();
    }

    void countFailure() {
        failures.increment();
    }

    void failed(long waitedNanos) {
        countFailure();
        waits.record(waitedNanos);
    }

    void countSkip() {
        skipped.increment();
    }

    void skipped(long waitedNanos) {
        countSkip();
        waits.record(waitedNanos);
    }

    void entered(long waitedNanos) {
        waits.record(waitedNanos);
    }

    void exited(long ranNanos) {
        runs.record(ranNanos);
    }
}
