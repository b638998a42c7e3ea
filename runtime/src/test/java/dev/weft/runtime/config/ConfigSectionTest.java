package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feature's own section of weft.yaml is read and checked like a built-in one. */
class ConfigSectionTest {
    /** What a messages feature might read: one rule per entry of {@code send}. */
    private record Messages(Duration timeout, List<String> send) {
    }

    private static final ConfigSection<Messages> MESSAGES = new ConfigSection<>() {
        @Override
        public String key() {
            return "messages";
        }

        @Override
        public List<String> keys() {
            return List.of("timeout", "send");
        }

        @Override
        public Messages defaults() {
            return new Messages(Duration.ofSeconds(5), List.of());
        }

        @Override
        public Messages read(SectionReader section) {
            Duration timeout = section.optional("timeout", defaults().timeout(), SectionReader.positiveDuration());
            List<String> send = section.entries("send", "each entry of send", "in a message rule", List.of("method"))
                    .stream()
                    .flatMap(entry -> entry.required("method", SectionReader.selector(),
                            "add the method that sends, e.g. method: com.acme.Orders#place(..)").stream())
                    .map(MethodSelector::text)
                    .toList();
            return new Messages(timeout, send);
        }
    };

    @TempDir
    Path dir;

    @Test
    void aFeaturesSectionIsReadIntoItsSettings() throws ConfigException {
        WeftConfig config = load("""
                messages:
                  timeout: 2s
                  send:
                    - method: com.acme.Orders#place(..)
                """);

        assertEquals(new Messages(Duration.ofSeconds(2), List.of("com.acme.Orders#place(..)")),
                config.section(MESSAGES));
    }

    @Test
    void anAbsentSectionGivesItsDefaults() throws ConfigException {
        assertEquals(MESSAGES.defaults(), load("log:\n  level: info\n").section(MESSAGES));
    }

    @Test
    void itsMistakesArePointedAtLikeAnyOther() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                messages:
                  timeout: soon
                  send:
                    - metod: com.acme.Orders#place(..)
                """));

        assertEquals(List.of(
                "2:12: timeout: 'soon' is not a duration; write 250ms, 10s, 5m, 1h or a whole number of milliseconds",
                "4:7: unknown key 'metod' in a message rule; did you mean 'method'? Allowed: method",
                "4:7: missing 'method' in a message rule; add the method that sends,"
                        + " e.g. method: com.acme.Orders#place(..)"),
                e.problems().stream().map(p -> p.position().line() + ":" + p.position().column() + ": " + p.message())
                        .toList());
    }

    /** The control: without the feature, its section is an unknown key of the file. */
    @Test
    void withoutTheFeatureItsSectionIsUnknown() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(new ConfigFiles(dir).write("messages:\n  timeout: 2s\n"), Map.of()));

        assertEquals(1, e.problems().size());
        assertEquals("unknown key 'messages' at the top level", e.problems().get(0).message().split(";")[0]);
    }

    private WeftConfig load(String yaml) throws ConfigException {
        return ConfigLoader.load(new ConfigFiles(dir).write(yaml), Map.of(), List.of(MESSAGES));
    }
}
