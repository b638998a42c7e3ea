package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.config.HelloApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 2: a selector that matches nothing (here a misspelt class, {@code HeloApp}) is reported once, at a defined
 * moment, and listed by {@code status}; {@code onUnmatched: halt} makes it a config error instead.
 */
class UnmatchedSelectorTest {
    private static final String MISSPELT = "com.acme.config.HeloApp#greet(..)";
    private static final String RIGHT = "com.acme.config.HelloApp#greet(..)";
    private static final String MAIN_RAN = "MAIN RAN, hello world";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    /** Only the misspelt selector: on a busy machine the timer may fire before main has loaded even HelloApp. */
    @Test
    void aMisspeltClassIsWarnedAboutOnceAtWarnUnmatchedAfterAndStatusListsIt() {
        Path config = WeftYaml.write(dir, "warnUnmatchedAfter: 1s\n" + locks(MISSPELT));
        try (JavaProcess app = Jvm.woven(config, redis.uri(), HelloApp.class, "--stay").start()) {
            app.awaitLine(MAIN_RAN, Jvm.TIMEOUT);
            String warning = app.awaitErrorLine(l -> l.contains(MISSPELT), "the unmatched warning", Jvm.TIMEOUT);
            assertTrue(warning.matches("\\[weft] warn: .*weft\\.yaml:5:5: " + java.util.regex.Pattern.quote(MISSPELT)
                    + " matched no method in the 1s since start-up; .*"), warning);

            JavaProcess status = JavaProcess.jar(Jvm.agentJar()).name("weft status")
                    .args("status", Long.toString(app.pid())).start();
            Jvm.assertExitsCleanly(status);
            assertTrue(status.stdoutLines().stream().anyMatch(l -> l.contains(MISSPELT)
                    && l.endsWith("matched nothing yet")), status.report());

            app.send("EXIT");
            Jvm.assertExitsCleanly(app);
            assertEquals(1, warningsAbout(app, MISSPELT), "once: not again at exit" + app.report());
        }
    }

    @Test
    void anApplicationThatEndsSoonerHearsOfItOnceAtExit() {
        JavaProcess app = Jvm.woven(WeftYaml.write(dir, locks(RIGHT, MISSPELT)), redis.uri(), HelloApp.class).start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(MAIN_RAN), app.stdoutLines(), app.report());
        assertEquals(1, warningsAbout(app, MISSPELT), app.report());
        assertEquals(0, warningsAbout(app, RIGHT), "the selector that matched is not reported" + app.report());
        assertTrue(app.stderr().contains(MISSPELT + " matched no method of any class loaded during this run"),
                app.report());
    }

    @Test
    void onUnmatchedHaltStopsTheJvmBeforeMainForAClassThatIsNotThere() {
        Path config = WeftYaml.write(dir, "onUnmatched: halt\n" + locks(RIGHT, MISSPELT));
        JavaProcess app = Jvm.woven(config, redis.uri(), HelloApp.class).start();

        assertEquals(78, app.awaitExit(Jvm.TIMEOUT), "exit status" + app.report());
        assertTrue(app.stdoutLines().isEmpty(), "main must not run" + app.report());
        assertTrue(app.stderr().contains("weft: config error: " + config + ":7:5: class com.acme.config.HeloApp is"
                + " not on the class path at start-up, so " + MISSPELT + " would protect nothing"), app.report());
    }

    @Test
    void onUnmatchedHaltStopsTheJvmForAMethodTheClassDoesNotHave() {
        String misspeltMethod = "com.acme.config.HelloApp#gret(..)";
        Path config = WeftYaml.write(dir, "onUnmatched: halt\n" + locks(misspeltMethod));
        JavaProcess app = Jvm.woven(config, redis.uri(), HelloApp.class).start();

        assertEquals(78, app.awaitExit(Jvm.TIMEOUT), "exit status" + app.report());
        assertTrue(app.stderr().contains("weft: config error: " + config + ":5:5: " + misspeltMethod
                + " matches no method of com.acme.config.HelloApp"), app.report());
    }

    /** Control for the two above: with every selector right, onUnmatched: halt changes nothing. */
    @Test
    void onUnmatchedHaltRunsAnApplicationWhoseSelectorsAllMatch() {
        Path config = WeftYaml.write(dir, "onUnmatched: halt\n" + locks(RIGHT));
        JavaProcess app = Jvm.woven(config, redis.uri(), HelloApp.class).start();

        Jvm.assertExitsCleanly(app);
        assertEquals(List.of(MAIN_RAN), app.stdoutLines(), app.report());
        assertEquals(0, warningsAbout(app, "matched no method"), app.report());
    }

    private static String locks(String... methods) {
        StringBuilder yaml = new StringBuilder("redis:\n  uri: ${REDIS_URI}\nlocks:\n");
        for (String method : methods) {
            yaml.append("  - method: ").append(method).append("\n    key: \"hello:{0}\"\n");
        }
        return yaml.toString();
    }

    private static long warningsAbout(JavaProcess app, String text) {
        return app.stderrLines().stream().filter(l -> l.startsWith("[weft] warn:") && l.contains(text)).count();
    }
}
