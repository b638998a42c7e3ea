package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.counter.CounterApp;
import com.acme.support.Store;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * JVMs of {@link CounterApp} incrementing one counter file, released together: every increment is kept only if
 * {@code increment} is mutually exclusive across threads and JVMs.
 */
public final class CounterRace {
    public static final int THREADS = 4;
    public static final int INCREMENTS = 50;

    private CounterRace() {
    }

    public static int total(int jvmCount) {
        return jvmCount * THREADS * INCREMENTS;
    }

    /**
     * @param launch how a JVM of the application is started, given its arguments
     * @param jvms   receives the JVMs started, for checks on their output
     * @return the final count
     */
    public static int run(Path dir, int jvmCount, Function<String[], JavaProcess.Builder> launch,
                          List<JavaProcess> jvms) {
        Path counter = dir.resolve("counter");
        Store.writeNumber(counter, 0);
        try {
            for (int i = 0; i < jvmCount; i++) {
                jvms.add(launch.apply(new String[] {counter.toString(), Integer.toString(THREADS),
                        Integer.toString(INCREMENTS)}).name("counter-" + i).start());
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
}
