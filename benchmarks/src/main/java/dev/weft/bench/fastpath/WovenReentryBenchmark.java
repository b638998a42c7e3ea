package dev.weft.bench.fastpath;

import com.acme.bench.Reentry;
import dev.weft.bench.load.WeftCounters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-call cost of a woven method on the lock's local fast path. Needs the agent and a Redis: run it through
 * {@link FastPathRow}, which attaches both to the JMH fork. A thread cannot hold a woven lock across JMH
 * invocations, so each invocation takes the lock once and re-enters it {@link #CALLS} times; the one acquire and
 * release (a few hundred microseconds on loopback) adds well under a nanosecond to each re-entry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WovenReentryBenchmark {
    static final int CALLS = 1_000_000;
    private final String key = "reentry";

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void woven(WovenCheck check, Blackhole blackhole) {
        Reentry.holdAndReenter(key, CALLS, blackhole);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void plain(Blackhole blackhole) {
        Reentry.callPlain(key, CALLS, blackhole);
    }

    /** Fails {@code woven} if the agent did not weave the lock: it would then cost what {@code plain} does. */
    @State(Scope.Thread)
    public static class WovenCheck {
        @TearDown(Level.Trial)
        public void requireWoven() {
            WeftCounters.requireCounted("Locks", "Acquired");
        }
    }
}
