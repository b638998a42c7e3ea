package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.config.HelloApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 2: an invalid config is reported, every problem with its place, and stops the JVM before main (78). */
class ConfigErrorTest {
    /** Three mistakes, on lines 7 (misspelt key), 10 (bad duration) and 11 (malformed selector). */
    private static final String THREE_MISTAKES = """
            redis:
              uri: ${REDIS_URI}
              timeout: 1s
            locks:
              - method: com.acme.config.HelloApp#greet(..)
                key: "hello:{0}"
                wiat: 5s
              - method: com.acme.config.HelloApp#greet(String)
                key: "hello:{0}"
                lease: 10 parsecs
              - method: com.acme.config.HelloApp#greet(String
                key: "hello:{0}"
            """;
    private static final Pattern ERROR = Pattern.compile("weft: config error: (.+):(\\d+):(\\d+): (.+)");
    private static final String MAIN_RAN = "MAIN RAN, hello world";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void everyProblemIsReportedWithItsLineAndTheJvmHaltsWith78BeforeMain() {
        JavaProcess app = Jvm.woven(WeftYaml.write(dir, THREE_MISTAKES), redis.uri(), HelloApp.class).start();

        assertEquals(78, app.awaitExit(Jvm.TIMEOUT), "exit status" + app.report());
        assertTrue(app.stdoutLines().isEmpty(), "main must not run" + app.report());
        Map<Integer, String> errors = errorsByLine(app);
        assertTrue(errors.keySet().containsAll(List.of(7, 10, 11)), "errors on lines 7, 10, 11" + app.report());
        assertTrue(errors.get(7).contains("wiat"), "the unknown key is named" + app.report());
    }

    @Test
    void onConfigErrorWarnRunsTheApplicationAnyway() {
        JavaProcess app = Jvm.woven(WeftYaml.write(dir, "onConfigError: warn\n" + THREE_MISTAKES), redis.uri(),
                HelloApp.class).start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(MAIN_RAN), app.stdoutLines(), app.report());
        assertTrue(app.stderr().contains("wiat"), "the problems are still reported" + app.report());
    }

    @Test
    void withoutTheAgentTheApplicationRuns() {
        JavaProcess app = Jvm.plain(HelloApp.class).start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(MAIN_RAN), app.stdoutLines(), app.report());
    }

    /** The message of each {@code weft: config error:} line, by line number; all must point into weft.yaml. */
    private static Map<Integer, String> errorsByLine(JavaProcess app) {
        Map<Integer, String> errors = new TreeMap<>();
        for (String line : app.stderrLines()) {
            Matcher m = ERROR.matcher(line);
            if (m.find()) {
                assertTrue(m.group(1).endsWith("weft.yaml"), "error not located in weft.yaml: " + line);
                errors.merge(Integer.parseInt(m.group(2)), m.group(4), (a, b) -> a + " | " + b);
            }
        }
        return errors;
    }
}
