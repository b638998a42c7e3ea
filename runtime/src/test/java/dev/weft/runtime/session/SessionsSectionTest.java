package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessions:} as users write it; each mistake at its line and column. */
class SessionsSectionTest {
    private static final SessionsSection SECTION = new SessionsSection();

    @TempDir
    Path dir;

    @Test
    void theSectionIsReadWithItsDefaults() throws Exception {
        SessionSettings settings = load("""
                sessions:
                  allow: [com.acme.*]
                """);
        assertTrue(settings.enabled());
        assertEquals("JSESSIONID", settings.cookie());
        assertNull(settings.timeout(), "the container's timeout");
        assertEquals("java", settings.serializer());
        assertEquals(List.of("com.acme.*"), settings.allow());
        assertEquals(Duration.ofMinutes(5), load("sessions: {timeout: 5m, serializer: json}\n").timeout());
    }

    @Test
    void withoutTheSectionSessionsAreOff() throws Exception {
        assertFalse(load("jmx: {enabled: true}\n").enabled());
    }

    @Test
    void mistakesAreReportedWhereTheyAre() {
        assertEquals(List.of("2:10: allow: is for serializer: java; serializer: json keeps only JSON values and reads"
                        + " back no classes; remove allow or use serializer: java"),
                problems("""
                        sessions:
                          allow: [com.acme.*]
                          serializer: json
                        """));
        assertTrue(problems("sessions: {cookie: 'a b'}\n").get(0).contains("is not a cookie name"));
        assertTrue(problems("sessions: {serialiser: json}\n").get(0).contains("serialiser"));
    }

    private SessionSettings load(String yaml) throws ConfigException, IOException {
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
