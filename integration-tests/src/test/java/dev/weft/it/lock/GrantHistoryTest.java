package dev.weft.it.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.history.HistoryApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 4, Locks, without faults: JVMs x threads enter one locked method over and over; the merged history of
 * their grants, on the machine's one monotonic clock, has no two grants of the key that overlap, and tokens that
 * increase with time. {@code -Psoak} runs the full 4 JVMs x 4 threads x 2,000 entries.
 */
class GrantHistoryTest {
    private static final int ENTRIES = Integer.getInteger("weft.history.entries", 250);
    private static final String LOCK = """
              - method: com.acme.history.HistoryApp#critical(..)
                key: "{0}"
                lease: 10s
                wait: 120s
            """;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void fourJvmsOfFourThreadsNeverHoldTheKeyAtOnce() {
        Path config = WeftYaml.write(dir, "redis:\n  uri: ${REDIS_URI}\nlocks:\n" + LOCK);
        History history = run(4, 4, ENTRIES, jvm -> Jvm.attach(jvm, config, redis.uri()));

        report("single", history);
        assertEquals(4 * 4 * ENTRIES, history.entries.size());
        assertEquals(0, history.overlaps(), "overlapping grants");
        assertEquals(0, history.tokenInversions(), "tokens going back in time");
    }

    @Test
    void withoutTheAgentTheSameEntriesOverlap() {
        History history = run(4, 4, 50, UnaryOperator.identity());

        report("control without the agent", history);
        assertTrue(history.overlaps() > 0, "the control must overlap, or the locked run proves nothing");
    }

    @Test
    void redlockGrantsNeverOverlapEither() {
        List<RedisServer> nodes = List.of(RedisServer.start(), RedisServer.start(), RedisServer.start());
        try {
            Path config = WeftYaml.write(dir, "redis:\n  uri: ${REDIS_URI}\n  nodes: ["
                    + nodes.stream().map(RedisServer::uri).collect(Collectors.joining(", "))
                    + "]\nlocks:\n" + LOCK + "    mode: redlock\n");
            History history = run(2, 2, ENTRIES, jvm -> Jvm.attach(jvm, config, redis.uri()));

            report("redlock", history);
            assertEquals(2 * 2 * ENTRIES, history.entries.size());
            assertEquals(0, history.overlaps(), "overlapping grants");
            assertEquals(0, history.tokenInversions(), "tokens going back in time");
        } finally {
            nodes.forEach(RedisServer::close);
        }
    }

    private History run(int jvms, int threads, int entries, UnaryOperator<JavaProcess.Builder> how) {
        List<JavaProcess> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < jvms; i++) {
                Path out = dir.resolve("history-" + i);
                outputs.add(out);
                processes.add(how.apply(Jvm.plain(HistoryApp.class, out.toString(), Integer.toString(threads),
                        Integer.toString(entries)).name("history-" + i)).start());
            }
            Jvm.startTogether(processes);
            processes.forEach(Jvm::assertExitsCleanly);
            return new History(outputs.stream().flatMap(GrantHistoryTest::read).sorted(
                    Comparator.comparingLong(Entry::start)).toList());
        } finally {
            processes.forEach(JavaProcess::close);
        }
    }

    private static java.util.stream.Stream<Entry> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.split(" "))
                    .map(f -> new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String what, History history) {
        System.out.println("[GrantHistoryTest] " + what + ": " + history.entries.size() + " grants, "
                + history.overlaps() + " overlapping, " + history.tokenInversions() + " token inversions");
    }

    private record Entry(long start, long end, long token) {
    }

    /** Grants of one key, by start time. */
    private record History(List<Entry> entries) {
        long overlaps() {
            long overlaps = 0;
            long lastEnd = Long.MIN_VALUE;
            for (Entry entry : entries) {
                if (entry.start < lastEnd) {
                    overlaps++;
                }
                lastEnd = Math.max(lastEnd, entry.end);
            }
            return overlaps;
        }

        long tokenInversions() {
            long inversions = 0;
            for (int i = 1; i < entries.size(); i++) {
                if (entries.get(i).token <= entries.get(i - 1).token) {
                    inversions++;
                }
            }
            return inversions;
        }
    }
}
