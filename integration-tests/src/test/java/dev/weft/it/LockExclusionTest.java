package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.counter.CounterApp;
import com.acme.support.Store;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4, Locks: mutual exclusion for a key across every thread of every JVM that uses the same Redis. */
class LockExclusionTest {
    private static final int JVMS = 3;
    private static final int THREADS = 4;
    private static final int INCREMENTS = 50;
    private static final int TOTAL = JVMS * THREADS * INCREMENTS;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void lockedIncrementsAcrossJvmsAndThreadsAreNeverLost() {
        assertEquals(TOTAL, race(woven()));
    }

    @Test
    void withoutTheAgentTheSameRaceLosesUpdates() {
        int value = race(UnaryOperator.identity());
        assertTrue(value < TOTAL, "the control must lose updates, or the locked run proves nothing: " + value);
    }

    @Test
    void lockedIncrementsAreNeverLostOnJava25() {
        Path java = java25();
        assumeTrue(java != null, "no JDK 25 found; set WEFT_JAVA25_HOME");
        UnaryOperator<JavaProcess.Builder> woven = woven();
        List<JavaProcess> jvms = new ArrayList<>();
        assertEquals(TOTAL, race(jvm -> woven.apply(jvm).java(java), jvms));
        jvms.forEach(p -> assertTrue(p.stdoutLines().contains("java=25"), "not run on Java 25" + p.report()));
    }

    private int race(UnaryOperator<JavaProcess.Builder> how) {
        return race(how, new ArrayList<>());
    }

    /** Runs the JVMs against one counter file, released together; returns the final count. */
    private int race(UnaryOperator<JavaProcess.Builder> how, List<JavaProcess> jvms) {
        Path counter = dir.resolve("counter");
        Store.writeNumber(counter, 0);
        try {
            for (int i = 0; i < JVMS; i++) {
                jvms.add(how.apply(Jvm.plain(CounterApp.class, counter.toString(),
                        Integer.toString(THREADS), Integer.toString(INCREMENTS)).name("counter-" + i)).start());
            }
            Jvm.startTogether(jvms);
            for (JavaProcess jvm : jvms) {
                Jvm.assertExitsCleanly(jvm);
                String expected = "DONE ok=" + THREADS * INCREMENTS + " failed=0";
                assertTrue(jvm.stdoutLines().contains(expected), expected + jvm.report());
            }
            return Store.readNumber(counter);
        } finally {
            jvms.forEach(JavaProcess::close);
        }
    }

    /** Attaches the agent with a lock on {@code increment}; its config is written once, before any JVM reads it. */
    private UnaryOperator<JavaProcess.Builder> woven() {
        Path config = WeftYaml.lock(dir, "counter:{0}", "20s", "throw", "com.acme.counter.CounterApp#increment(..)");
        return jvm -> Jvm.attach(jvm, config, redis.uri());
    }

    /** {@code WEFT_JAVA25_HOME}, else the first {@code /usr/lib/jvm/*25*} with a {@code bin/java}; null if none. */
    private static Path java25() {
        String home = System.getenv("WEFT_JAVA25_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "bin", "java");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates.filter(p -> p.getFileName().toString().contains("25"))
                    .sorted(Comparator.naturalOrder())
                    .map(p -> p.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
