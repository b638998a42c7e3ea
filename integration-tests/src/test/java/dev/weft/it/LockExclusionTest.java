package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.counter.CounterApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4, Locks: mutual exclusion for a key across every thread of every JVM that uses the same Redis. */
class LockExclusionTest {
    private static final int JVMS = 3;
    private static final int TOTAL = CounterRace.total(JVMS);

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
        Path java = Jvm.java25();
        assumeTrue(java != null, "no JDK 25 found; set WEFT_JAVA25_HOME");
        UnaryOperator<JavaProcess.Builder> woven = woven();
        List<JavaProcess> jvms = new ArrayList<>();
        assertEquals(TOTAL, race(jvm -> woven.apply(jvm).java(java), jvms));
        jvms.forEach(p -> assertTrue(p.stdoutLines().contains("java=25"), "not run on Java 25" + p.report()));
    }

    private int race(UnaryOperator<JavaProcess.Builder> how) {
        return race(how, new ArrayList<>());
    }

    private int race(UnaryOperator<JavaProcess.Builder> how, List<JavaProcess> jvms) {
        return CounterRace.run(dir, JVMS, args -> how.apply(Jvm.plain(CounterApp.class, args)), jvms);
    }

    /** Attaches the agent with a lock on {@code increment}; its config is written once, before any JVM reads it. */
    private UnaryOperator<JavaProcess.Builder> woven() {
        Path config = WeftYaml.lock(dir, "counter:{0}", "20s", "throw", "com.acme.counter.CounterApp#increment(..)");
        return jvm -> Jvm.attach(jvm, config, redis.uri());
    }
}
