package dev.weft.it.dtx;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.util.List;

/** What the root service said about each transfer: {@code OK <transfer>} or {@code FAILED <transfer> <why>}. */
record Outcomes(List<String> ok, List<String> failed, List<String> failureLines) {
    /** Waits for the root's {@code DONE} and its exit, then reads what it printed. */
    static Outcomes of(JavaProcess root) {
        root.awaitLine(line -> line.startsWith("DONE "), "DONE ok=<n> failed=<n>", Jvm.TIMEOUT);
        Jvm.assertExitsCleanly(root);
        return read(root);
    }

    /** What a root that did not finish (killed) said so far. */
    static Outcomes read(JavaProcess root) {
        List<String> lines = root.stdoutLines();
        List<String> failureLines = lines.stream().filter(l -> l.startsWith("FAILED ")).toList();
        return new Outcomes(
                lines.stream().filter(l -> l.startsWith("OK ")).map(l -> l.substring(3)).toList(),
                failureLines.stream().map(l -> l.split(" ")[1]).toList(),
                failureLines);
    }

    /** Transfers that failed with {@code WeftBackendException} (outcome possibly unknown to the caller). */
    List<String> backendFailures() {
        return failureLines.stream().filter(l -> l.contains("dev.weft.api.WeftBackendException"))
                .map(l -> l.split(" ")[1]).toList();
    }
}
