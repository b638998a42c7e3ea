package dev.weft.bench;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.lock.HeldLock;
import dev.weft.runtime.lock.LockOptions;
import dev.weft.runtime.lock.LockService;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lock's local fast path, against a real redis-server on loopback: a thread re-entering a lock it holds (no
 * Redis call), threads of one JVM handing a hot key to each other (Redis only every 64 grants or 50 ms), and, for
 * scale, one thread taking and releasing a key through Redis each time (two round trips).
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/weft-benchmarks.jar
 * LockFastPathBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LockFastPathBenchmark {
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(30), OnBusy.THROW,
            "LockFastPathBenchmark");

    @State(Scope.Benchmark)
    public static class Redis {
        RedisServer server;
        LockService locks;

        @Setup(Level.Trial)
        public void start() {
            server = RedisServer.start();
            locks = new LockService(new RedisSettings(server.uri(), List.of(), Duration.ofSeconds(2), "bench:"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            locks.close();
            server.close();
        }
    }

    /** A lock the benchmark thread holds (JMH sets up thread-scoped state on the thread that uses it). */
    @State(Scope.Thread)
    public static class Held {
        HeldLock outer;

        @Setup(Level.Iteration)
        public void take(Redis redis) {
            outer = redis.locks.acquire("reentrant:" + Thread.currentThread().getId(), OPTIONS);
        }

        @TearDown(Level.Iteration)
        public void free(Redis redis) {
            redis.locks.release(outer);
        }
    }

    @Benchmark
    @Threads(1)
    public long reentrantReentry(Redis redis, Held held) {
        HeldLock inner = redis.locks.acquire(held.outer.key(), OPTIONS);
        redis.locks.release(inner);
        return inner.token();
    }

    @Benchmark
    @Threads(8)
    public long hotKeyEightThreads(Redis redis) {
        return oneHold(redis, "hot");
    }

    @Benchmark
    @Threads(1)
    public long uncontendedThroughRedis(Redis redis) {
        return oneHold(redis, "alone");
    }

    private static long oneHold(Redis redis, String key) {
        HeldLock lock = redis.locks.acquire(key, OPTIONS);
        redis.locks.release(lock);
        return lock.token();
    }
}
