package dev.weft.it.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.history.CpuHog;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import dev.weft.testkit.RedisServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 4, Locks, without faults: JVMs x threads enter one locked method over and over, starting together (cold: their
 * first calls make the connections and subscriptions); the merged history of their grants ({@link GrantHistory})
 * has no two grants of the key that overlap, tokens that increase with time, no call that gave up after its
 * {@code wait} (the app would exit 1) and none granted later than {@code wait} + {@code redis.timeout} after it was
 * called. Those two are SPEC section 4's bound with seconds to spare where a wait takes milliseconds: they catch
 * stalls, not slowness. In single mode no caller sees more later callers go first than the queue's turns allow. The
 * stalls' sizes are printed. {@code -Psoak} runs 4 JVMs x 4 threads x 2,000 entries, and the same beside a CPU hog.
 */
class GrantHistoryTest {
    private static final int ENTRIES = Integer.getInteger("weft.history.entries", 250);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
    private static final String LOCK = """
              - method: com.acme.history.HistoryApp#critical(..)
                key: "{0}"
                lease: 10s
                wait: %ds
                onBusy: throw
            """.formatted(WAIT.toSeconds());

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void fourJvmsOfFourThreadsNeverHoldTheKeyAtOnceNorStall() {
        GrantHistory history = run(4, 4, ENTRIES, jvm -> Jvm.attach(jvm, singleConfig(), redis.uri()));

        assertSafeAndLive("single", history, 4, 4);
        assertFirstComeFirstServedByTurns(history, 4, 4);
    }

    @Test
    @EnabledIfSystemProperty(named = "weft.soak", matches = "true")
    void besideACpuHogNoWaiterStallsPastItsDeadline() {
        try (JavaProcess hog = Jvm.plain(CpuHog.class, Integer.toString(2 * Runtime.getRuntime().availableProcessors()))
                .name("cpu-hog").start()) {
            hog.awaitLine("SPINNING", Jvm.TIMEOUT);
            GrantHistory history = run(4, 4, ENTRIES, jvm -> Jvm.attach(jvm, singleConfig(), redis.uri()));

            assertSafeAndLive("single beside a CPU hog", history, 4, 4);
            assertFirstComeFirstServedByTurns(history, 4, 4);
        }
    }

    @Test
    void withoutTheAgentTheSameEntriesOverlap() {
        GrantHistory history = run(4, 4, 50, UnaryOperator.identity());

        System.out.println("[GrantHistoryTest] control without the agent: " + history.summary());
        assertTrue(history.overlaps() > 0, "the control must overlap, or the locked run proves nothing");
    }

    @Test
    void redlockGrantsNeverOverlapEither() {
        List<RedisServer> nodes = List.of(RedisServer.start(), RedisServer.start(), RedisServer.start());
        try {
            Path config = config("  nodes: [" + nodes.stream().map(RedisServer::uri).collect(Collectors.joining(", "))
                    + "]\n", "    mode: redlock\n");
            GrantHistory history = run(2, 2, ENTRIES, jvm -> Jvm.attach(jvm, config, redis.uri()));

            assertSafeAndLive("redlock", history, 2, 2);
        } finally {
            nodes.forEach(RedisServer::close);
        }
    }

    private Path singleConfig() {
        return config("", "");
    }

    /** Every run's redis.timeout is REDIS_TIMEOUT, which the deadline check adds to the wait. */
    private Path config(String moreRedis, String moreLock) {
        return WeftYaml.write(dir, "redis:\n  uri: ${REDIS_URI}\n  timeout: " + REDIS_TIMEOUT.toSeconds() + "s\n"
                + moreRedis + "locks:\n" + LOCK + moreLock);
    }

    private static void assertSafeAndLive(String what, GrantHistory history, int jvms, int threads) {
        System.out.println("[GrantHistoryTest] " + what + ": " + history.summary());
        assertEquals(jvms * threads * ENTRIES, history.size());
        assertEquals(0, history.overlaps(), "overlapping grants");
        assertEquals(0, history.tokenInversions(), "tokens going back in time");
        assertEquals(0, history.pastDeadline(WAIT.plus(REDIS_TIMEOUT)), "grants later than wait + redis.timeout");
    }

    private static void assertFirstComeFirstServedByTurns(GrantHistory history, int jvms, int threads) {
        long overtakesAllowed = GrantHistory.overtakesAllowed(jvms, threads);
        assertTrue(history.maxOvertakes() <= overtakesAllowed, "a caller saw " + history.maxOvertakes()
                + " later callers go first; the turns allow " + overtakesAllowed);
    }

    private GrantHistory run(int jvms, int threads, int entries, UnaryOperator<JavaProcess.Builder> how) {
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < jvms; i++) {
            outputs.add(dir.resolve("history-" + i));
        }
        return HistoryJvms.run(outputs, threads, entries, how);
    }
}
