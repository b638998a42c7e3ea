package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {
    @TempDir
    Path dir;
    private Path fromArgument;
    private Path fromProperty;
    private Path fromEnv;
    private Path inWorkingDir;

    @BeforeEach
    void createFiles() throws IOException {
        fromArgument = Files.createFile(dir.resolve("arg.yaml"));
        fromProperty = Files.createFile(dir.resolve("prop.yaml"));
        fromEnv = Files.createFile(dir.resolve("env.yaml"));
        inWorkingDir = dir.resolve("weft.yaml");
        Files.createFile(inWorkingDir);
    }

    private Optional<Path> locate(String args, String property, String env) throws ConfigException {
        return ConfigLocator.locate(args, property == null ? Map.of() : Map.of("weft.config", property),
                env == null ? Map.of() : Map.of("WEFT_CONFIG", env), dir);
    }

    @Test
    void theAgentArgumentComesFirst() throws Exception {
        assertEquals(Optional.of(fromArgument), locate("config=" + fromArgument, "prop.yaml", "env.yaml"));
    }

    @Test
    void thenTheSystemProperty() throws Exception {
        assertEquals(Optional.of(fromProperty), locate(null, "prop.yaml", "env.yaml"));
    }

    @Test
    void thenTheEnvironmentVariable() throws Exception {
        assertEquals(Optional.of(fromEnv), locate("", null, "env.yaml"));
    }

    @Test
    void thenWeftYamlInTheWorkingDirectory() throws Exception {
        assertEquals(Optional.of(inWorkingDir), locate(null, null, null));
    }

    @Test
    void nothingAtAllIsNoConfig() throws Exception {
        Files.delete(inWorkingDir);

        assertEquals(Optional.empty(), locate(null, null, null));
    }

    @Test
    void relativePathsAreResolvedAgainstTheWorkingDirectory() throws Exception {
        assertEquals(Optional.of(fromArgument), locate(" config = arg.yaml ,", null, null));
    }

    @Test
    void blankPropertyAndVariableCountAsUnset() throws Exception {
        assertEquals(Optional.of(inWorkingDir), locate(null, " ", ""));
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        Path missing = dir.resolve("missing.yaml");

        assertEquals(List.of("weft: config error: the system property -Dweft.config names " + missing
                        + ", which does not exist; correct the path, or remove the system property -Dweft.config to"
                        + " use ./weft.yaml"),
                lines(() -> locate(null, "missing.yaml", "env.yaml")));
        assertEquals(List.of("weft: config error: the environment variable WEFT_CONFIG names " + missing
                        + ", which does not exist; correct the path, or remove the environment variable WEFT_CONFIG"
                        + " to use ./weft.yaml"),
                lines(() -> locate(null, null, "missing.yaml")));
        assertEquals(List.of("weft: config error: the agent argument config= names " + dir
                        + ", which is a directory; correct the path, or remove the agent argument config= to use"
                        + " ./weft.yaml"),
                lines(() -> locate("config=" + dir, null, null)));
    }

    @Test
    void everyBadAgentArgumentIsReported() {
        assertEquals(List.of(
                        "weft: config error: unknown agent argument 'confg'; the only one is config=<path>",
                        "weft: config error: unknown agent argument 'debug'; the only one is config=<path>"),
                lines(() -> locate("confg=arg.yaml,debug", null, null)));
    }

    @Test
    void anEmptyConfigArgumentIsAnError() {
        assertEquals(List.of("weft: config error: the agent argument config= names no file; write"
                        + " -javaagent:weft-agent.jar=config=/path/weft.yaml"),
                lines(() -> locate("config=", "prop.yaml", null)));
    }

    private interface Locate {
        Optional<Path> run() throws ConfigException;
    }

    private static List<String> lines(Locate locate) {
        ConfigException e = assertThrows(ConfigException.class, locate::run);
        assertEquals(OnConfigError.HALT, e.onConfigError());
        return ConfigFiles.lines(e);
    }
}
