package dev.weft.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 5: {@code java -jar weft-agent.jar check} on an application jar, here the demo's shop, which a user runs as
 * {@code java -cp weft-demo.jar com.acme.inventory.InventoryApp}.
 */
class CheckCommandTest {
    private static final String RESERVE = "com.acme.inventory.InventoryApp#reserve(java.lang.String)";

    @TempDir
    Path dir;

    @Test
    void theDemoConfigMatchesTheShopItProtects() {
        Path demoConfig = Jvm.demoJar().getParent().getParent().resolve("weft.yaml");
        JavaProcess check = check(demoConfig);

        Jvm.assertExitsCleanly(check);
        List<String> out = check.stdoutLines();
        assertTrue(out.contains("    " + RESERVE), check.report());
        assertEquals("OK: 1 selector, 1 method matched", out.get(out.size() - 1), check.report());
    }

    @Test
    void anUnmatchedSelectorAndAKeyTheParametersCannotFillAreExitOne() throws Exception {
        Path config = Files.writeString(dir.resolve("weft.yaml"), """
                locks:
                  - method: com.acme.inventory.InventoryApp#reserve(..)
                    key: "sku:{0.warehouse}"
                  - method: com.acme.inventory.InventoryApp#restock(..)
                    key: "sku:{0}"
                """);
        JavaProcess check = check(config);

        assertEquals(1, check.awaitExit(Jvm.TIMEOUT), check.report());
        List<String> out = check.stdoutLines();
        int method = out.indexOf("    " + RESERVE);
        assertTrue(method > 0 && out.get(method + 1).startsWith("        ERROR: lock key \"sku:{0.warehouse}\" for "),
                check.report());
        assertTrue(out.contains("    MATCHES NOTHING in this class path: check the class name (nested classes with"
                + " $), the method name and the parameter types"), check.report());
        assertEquals("PROBLEMS FOUND: 1 selector matches nothing, 1 method cannot be woven as configured",
                out.get(out.size() - 1), check.report());
    }

    private static JavaProcess check(Path config) {
        return JavaProcess.jar(Jvm.agentJar()).name("weft check")
                .args("check", "--config", config.toString(), "--classpath", Jvm.demoJar().toString()).start();
    }
}
