package dev.weft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked on the runtime's sources: only the weaving layer knows bytecode, and JMX
 * reads the domain, never the other way round. Every package is a domain package unless listed here, so a new feature's
 * package is held to the rule from its first line.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/weft/runtime");
    /** Packages allowed to name bytecode or JMX: the weaver, the beans, the CLI, and the wiring of the features. */
    private static final Set<String> OUTSIDE_DOMAIN = Set.of("", "weave", "jmx", "cli", "feature");
    private static final List<String> FORBIDDEN = List.of("net.bytebuddy.", "org.objectweb.asm.", "javax.management.",
            "dev.weft.runtime.jmx.");

    @Test
    void domainPackagesNameNoBytecodeLibraryAndNoJmx() throws IOException {
        List<Path> domain = domainSources();
        List<String> violations = new ArrayList<>();
        for (Path source : domain) {
            violations.addAll(violations(SOURCES.relativize(source).toString(), Files.readAllLines(source)));
        }

        assertTrue(domain.size() > 100, "found only " + domain.size() + " domain sources under "
                + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations, "move the code that needs these into weave, jmx or the feature's wiring");
    }

    /** The control: the scan does see a forbidden import, a static one, and a fully qualified name in code. */
    @Test
    void theScanFindsWhatItForbids() {
        List<String> found = violations("lock/Bad.java", List.of(
                "import net.bytebuddy.description.method.MethodDescription;",
                "import static org.objectweb.asm.Opcodes.ASM9;",
                "    Object n = new javax.management.Notification(\"t\", this, 1);",
                "import dev.weft.runtime.jmx.LocksMXBean;",
                "import dev.weft.runtime.weave.MethodShape;"));

        assertEquals(4, found.size(), String.join("\n", found));
    }

    private static List<Path> domainSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !OUTSIDE_DOMAIN.contains(topPackage(SOURCES.relativize(file))))
                    .sorted()
                    .toList();
        }
    }

    /** {@code lock} for {@code lock/LockSite.java}, {@code txlog} for {@code txlog/redis/TxKeys.java}. */
    private static String topPackage(Path relative) {
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    private static List<String> violations(String file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (String name : FORBIDDEN) {
                if (line.contains(name)) {
                    found.add(file + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        return found;
    }
}
