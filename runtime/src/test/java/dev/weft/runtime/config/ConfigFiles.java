package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes a config file into a test's temporary directory, loads it and checks the outcome. */
final class ConfigFiles {
    private final Path dir;

    ConfigFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String yaml) {
        try {
            return Files.writeString(dir.resolve("weft.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WeftConfig load(String yaml) throws ConfigException {
        return ConfigLoader.load(write(yaml), Map.of());
    }

    ConfigException failure(String yaml, Map<String, String> env) {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env));
    }

    /**
     * Asserts the exact lines printed for {@code yaml}.
     *
     * @param expected each {@code line:column: message}; the prefix and file name are added here
     */
    void assertProblems(String yaml, Map<String, String> env, String... expected) {
        ConfigException e = failure(yaml, env);
        String prefix = "weft: config error: " + dir.resolve("weft.yaml") + ":";
        assertEquals(Arrays.stream(expected).map(line -> prefix + line).toList(),
                e.problems().stream().map(ConfigProblem::format).toList());
    }

    void assertProblems(String yaml, String... expected) {
        assertProblems(yaml, Map.of(), expected);
    }

    SourcePosition at(int line, int column) {
        return new SourcePosition(dir.resolve("weft.yaml").toString(), line, column);
    }

    static List<String> lines(ConfigException e) {
        return e.problems().stream().map(ConfigProblem::format).toList();
    }
}
