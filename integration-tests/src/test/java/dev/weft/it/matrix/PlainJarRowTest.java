package dev.weft.it.matrix;

import static dev.weft.it.matrix.Stack.Agent.WEFT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.counter.CounterApp;
import com.acme.support.Store;
import dev.weft.it.CounterRace;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity matrix's plain-jar row (docs/operations.md, "Tested stacks"): {@link CounterApp} packaged as an
 * application jar and started with {@code java [-javaagent:...] -jar counter.jar} by two JVMs at once.
 */
class PlainJarRowTest {
    private static final int JVMS = 2;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void withoutWeftIncrementsAreLost() {
        int count = race(Stack.current(), new ArrayList<>());
        assertTrue(count < CounterRace.total(JVMS), "the control must lose updates: " + count);
    }

    @Test
    void withWeftNoIncrementIsLost() {
        assertEquals(CounterRace.total(JVMS), race(Stack.current(WEFT), new ArrayList<>()));
    }

    @Test
    void withWeftOnJava25NoIncrementIsLost() {
        List<JavaProcess> jvms = new ArrayList<>();
        assertEquals(CounterRace.total(JVMS), race(Stack.java25(WEFT), jvms));
        jvms.forEach(jvm -> assertTrue(jvm.stdoutLines().contains("java=25"), "not run on Java 25" + jvm.report()));
    }

    private int race(Stack stack, List<JavaProcess> jvms) {
        Path jar = AppJar.build(dir.resolve("counter.jar"), CounterApp.class,
                List.of(CounterApp.class, Store.class), List.of());
        // a generous wait: 400 increments queue on one key, and this row must not fail on a busy machine
        Path config = WeftYaml.lock(dir, "counter:{0}", "60s", "throw", "com.acme.counter.CounterApp#increment(..)");
        return CounterRace.run(dir, JVMS, args -> stack.apply(JavaProcess.jar(jar).args(args), config, redis.uri()),
                jvms);
    }
}
