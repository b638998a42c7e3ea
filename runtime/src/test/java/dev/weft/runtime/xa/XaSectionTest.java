package dev.weft.runtime.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.weave.Described;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xa:} as users write it, and the rule's one check: not also a TCC global method. */
class XaSectionTest {
    private static final XaSection SECTION = new XaSection();

    @TempDir
    Path dir;

    @Test
    void rulesTakeTheSectionsTimeoutUnlessTheyHaveTheirOwn() throws Exception {
        XaSettings settings = load("""
                xa:
                  objectStore: /var/lib/app/weft-xa
                  timeout: 20s
                  global:
                    - method: com.acme.TransferService#move(..)
                    - method: com.acme.TransferService#settle(long)
                      timeout: 5s
                """);
        assertEquals(Path.of("/var/lib/app/weft-xa"), settings.objectStore());
        assertEquals(Duration.ofSeconds(20), settings.global().get(0).timeout());
        assertEquals(Duration.ofSeconds(5), settings.global().get(1).timeout());
        assertEquals("com.acme.TransferService#settle(long)", settings.global().get(1).method().text());
    }

    @Test
    void noSectionMeansNoRules() throws Exception {
        assertTrue(load("jmx: {enabled: true}\n").isEmpty());
    }

    @Test
    void mistakesAreProblemsAtTheirPlace() {
        List<String> problems = problems("""
                xa:
                  timeout: soon
                  global:
                    - timeout: 5s
                    - method: com.acme.A#b(..)
                      wait: 5s
                """);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("2:12: timeout: 'soon' is not a duration"), problems.get(0));
        assertTrue(problems.get(1).startsWith("4:7: missing 'method' in an xa.global rule"), problems.get(1));
        assertTrue(problems.get(2).startsWith("6:7: unknown key 'wait' in an xa.global rule"), problems.get(2));
    }

    @Test
    void aMethodThatIsAlsoATccGlobalMethodCannotBeWoven() throws Exception {
        XaRule rule = load("""
                xa:
                  global:
                    - method: dev.weft.runtime.xa.XaSectionTest$Transfers#move(..)
                """).global().get(0);
        var method = Described.method(Transfers.class.getDeclaredMethod("move", long.class));
        assertEquals(Optional.empty(), new XaRuleCheck(rule, shape -> false).problemWith(method));
        assertTrue(new XaRuleCheck(rule, shape -> true).problemWith(method).orElseThrow()
                .contains("selected by both xa.global and transactions.global"));
    }

    static class Transfers {
        void move(long amount) {
        }
    }

    private XaSettings load(String yaml) throws ConfigException, IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("weft.yaml"), yaml), Map.of(), List.of(SECTION))
                .section(SECTION);
    }

    private List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.problems().stream()
                .map(p -> p.position().line() + ":" + p.position().column() + ": " + p.message())
                .toList();
    }
}
