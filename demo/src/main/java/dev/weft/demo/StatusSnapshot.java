package dev.weft.demo;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/** {@code java -jar weft-agent.jar status <pid>}, run exactly as an operator runs it, and what it printed. */
final class StatusSnapshot {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StatusSnapshot() {
    }

    /** The command's output, indented; on failure its error instead: the demo's verdict is the invariant's. */
    static String take(Path agentJar, long pid) {
        try (JavaProcess status = JavaProcess.jar(agentJar).name("weft status").args("status", Long.toString(pid))
                .start()) {
            int exit = status.awaitExit(TIMEOUT);
            String output = exit == 0 ? status.stdout() : "weft status failed (exit " + exit + "):\n" + status.stderr();
            return output.lines().map(line -> line.isEmpty() ? line : "  " + line)
                    .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        }
    }
}
