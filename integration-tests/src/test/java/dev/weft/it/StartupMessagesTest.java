package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.config.HelloApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a new user reads at start-up: no stray JVM warnings, and config errors that point at the right place. */
class StartupMessagesTest {
    private static final String CDS_WARNING = "Sharing is only supported for boot loader classes";
    private static final String MAIN_RAN = "MAIN RAN, hello world";
    private static final String GOOD = """
            redis:
              uri: ${REDIS_URI}
            locks:
              - method: com.acme.config.HelloApp#greet(String)
                key: "hello:{0}"
            """;

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void theJvmDoesNotWarnAboutClassDataSharing() {
        JavaProcess app = Jvm.woven(WeftYaml.write(dir, GOOD), redis.uri(), HelloApp.class).start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(MAIN_RAN), app.stdoutLines(), app.report());
        assertFalse(app.stderr().contains(CDS_WARNING), app.report());
    }

    /** Control: the manifest's Boot-Class-Path names weft-agent.jar, so a renamed jar has to append itself. */
    @Test
    void aRenamedJarStillWorksButTheJvmWarnsAsTheReadmeSays() throws IOException {
        Path renamed = Files.copy(Jvm.agentJar(), dir.resolve("weft-agent-renamed.jar"));
        JavaProcess app = Jvm.plain(HelloApp.class).agent(renamed, "config=" + WeftYaml.write(dir, GOOD))
                .env("REDIS_URI", redis.uri()).start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(MAIN_RAN), app.stdoutLines(), app.report());
        assertTrue(app.stderr().contains(CDS_WARNING), app.report());
        assertTrue(app.stderr().contains("[weft] info: Weft"), "the agent started" + app.report());
    }

    @Test
    void theHaltLineNamesTheFileThatWasLoaded() throws IOException {
        Path config = Files.writeString(dir.resolve("orders.yml"), GOOD.replace("key:", "kee:"));
        JavaProcess app = Jvm.woven(config, redis.uri(), HelloApp.class).start();

        assertEquals(78, app.awaitExit(Jvm.TIMEOUT), "exit status" + app.report());
        assertTrue(app.stderr().contains("[weft] error: the application was stopped before main because " + config
                + " has 2 problem(s)"), app.report());
        assertFalse(app.stderr().contains("weft.yaml has"), app.report());
    }

    @Test
    void aKeyTemplateThatDoesNotFitIsReportedOnceAtTheKeyValue() {
        Path config = WeftYaml.write(dir, GOOD.replace("hello:{0}", "hello:{0.nope}"));
        JavaProcess app = Jvm.woven(config, redis.uri(), HelloApp.class).start();

        assertEquals(78, app.awaitExit(Jvm.TIMEOUT), "exit status" + app.report());
        List<String> errors = app.stderrLines().stream().filter(l -> l.startsWith("weft: config error: ")).toList();
        assertEquals(1, errors.size(), app.report());
        String error = errors.get(0);
        // line 5, column 10: the value of key:, not the "- method:" line
        assertTrue(error.startsWith("weft: config error: " + config + ":5:10: "), error);
        assertEquals(1, occurrences(error, "hello:{0.nope}"), error);
        assertEquals(1, occurrences(error, "HelloApp#greet"), error);
        assertTrue(error.contains("java.lang.String has no public getNope()"), error);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
