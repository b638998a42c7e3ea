package dev.weft.it.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.history.HistoryApp;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** JVMs of {@link HistoryApp} started together and run to their end, and the {@link GrantHistory} they recorded. */
public final class HistoryJvms {
    /** Only keeps a broken run from hanging: {@code -Psoak}'s runs take minutes. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

    private HistoryJvms() {
    }

    /**
     * One JVM per file in {@code outputs}, named after it, each of {@code threads} threads entering
     * {@code entries} times; {@code how} adds the agent (or not).
     */
    public static GrantHistory run(List<Path> outputs, int threads, int entries,
                                   UnaryOperator<JavaProcess.Builder> how) {
        List<JavaProcess> processes = new ArrayList<>();
        try {
            for (Path out : outputs) {
                processes.add(how.apply(Jvm.plain(HistoryApp.class, out.toString(), Integer.toString(threads),
                        Integer.toString(entries)).name(out.getFileName().toString())).start());
            }
            Jvm.startTogether(processes);
            // exit 1 means a call gave up after its wait (see the report)
            processes.forEach(process -> assertEquals(0, process.awaitExit(RUN_LIMIT), process.report()));
            return GrantHistory.read(outputs);
        } finally {
            processes.forEach(JavaProcess::close);
        }
    }
}
