package dev.weft.bench.load;

import java.util.concurrent.atomic.AtomicReference;

/** One thread's record of a run; merged with the other threads' once they are done. */
public final class Tally {
    private final Histogram latency = new Histogram();
    private long failures;

    /**
     * Repeats {@code action} until {@code until}; what starts before {@code measureFrom} is warm-up and not recorded.
     * A failure is counted, and the run's first one kept in {@code firstFailure} for the report.
     */
    public void repeat(Workload.Action action, long measureFrom, long until, AtomicReference<Exception> firstFailure) {
        for (long start; (start = System.nanoTime()) < until; ) {
            boolean ok = true;
            try {
                action.run();
            } catch (Exception e) {
                ok = false;
                firstFailure.compareAndSet(null, e);
            }
            long end = System.nanoTime();
            if (start < measureFrom) {
                continue;
            }
            if (ok) {
                latency.record(end - start);
            } else {
                failures++;
            }
        }
    }

    public void add(Tally other) {
        latency.add(other.latency);
        failures += other.failures;
    }

    public Histogram latency() {
        return latency;
    }

    public long failures() {
        return failures;
    }
}
