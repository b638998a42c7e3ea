package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's demo, run as a user runs it: {@code java -jar demo/target/weft-demo.jar} from the repository root. */
class DemoTest {
    @Test
    void theQuickDemoShowsNoOversellWithWeft() {
        Path demoJar = Jvm.demoJar();
        Path repositoryRoot = demoJar.getParent().getParent().getParent();
        try (JavaProcess demo = JavaProcess.jar(demoJar).args("--quick").workDir(repositoryRoot).start()) {
            Jvm.assertExitsCleanly(demo);
            List<String> out = demo.stdoutLines();
            assertTrue(out.stream().anyMatch(line -> line.startsWith("Round 1, without Weft")), demo.report());
            assertTrue(out.stream().anyMatch(line -> line.startsWith("Round 2, with Weft: java -javaagent:")), demo.report());
            assertTrue(out.contains("  sold 40 of 40, stock 0: no oversell"), demo.report());
            int status = out.indexOf("java -jar " + Path.of("agent", "target", "weft-agent.jar")
                    + " status <pid of shop 1>, once it had closed:");
            assertTrue(status > 0 && out.get(status + 1).startsWith("  Weft "), demo.report());
            assertTrue(out.stream().anyMatch(line -> line.matches(
                    " +\\d+:5 +com\\.acme\\.inventory\\.InventoryApp#reserve\\(\\.\\.\\) +1 .*")), demo.report());
            assertTrue(out.stream().anyMatch(line -> line.matches("  Locks: \\d+ acquired, 0 busy, 0 lost, 0 errors, 0 held now")),
                    demo.report());
        }
    }
}
