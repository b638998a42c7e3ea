package dev.weft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft check} on a sample application jar: matched, unmatched, a bad key template, a bad file. */
class CheckCommandTest {
    private static final String WAREHOUSE = "dev.weft.runtime.cli.sample.Warehouse";

    @TempDir
    Path dir;
    Path jar;

    @BeforeEach
    void sampleJar() throws Exception {
        jar = SampleJar.write(dir.resolve("warehouse.jar"));
    }

    @Test
    void everySelectorListsTheMethodsItMatchesAndAllWellExitsZero() throws Exception {
        CliRun run = check(lock(WAREHOUSE + "#reserve(String, int)", "sku:{sku}")
                + lock(WAREHOUSE + "#ship(..)", "order:{0.customer.id}")
                + lock("+dev.weft.runtime.cli.sample.Storage#store(..)", "sku:{0}"));

        assertEquals(0, run.status(), run.toString());
        assertFollows(run, ":2:5: lock " + WAREHOUSE + "#reserve(String, int)",
                "    " + WAREHOUSE + "#reserve(java.lang.String, int)");
        assertFollows(run, ":4:5: lock " + WAREHOUSE + "#ship(..)",
                "    " + WAREHOUSE + "#ship(" + WAREHOUSE + "$Order)");
        assertFollows(run, ":6:5: lock +dev.weft.runtime.cli.sample.Storage#store(..)",
                "    " + WAREHOUSE + "#store(java.lang.String, int)");
        assertEquals("OK: 3 selectors, 3 methods matched", last(run));
    }

    @Test
    void aSelectorThatMatchesNothingIsReportedAndExitsOne() throws Exception {
        CliRun run = check(lock(WAREHOUSE + "#reserve(..)", "sku:{0}") + lock(WAREHOUSE + "#restock(..)", "x"));

        assertEquals(1, run.status(), run.toString());
        assertFollows(run, ":4:5: lock " + WAREHOUSE + "#restock(..)", "    MATCHES NOTHING in this class path:"
                + " check the class name (nested classes with $), the method name and the parameter types");
        assertEquals("PROBLEMS FOUND: 1 selector matches nothing", last(run));
    }

    @Test
    void aKeyTemplateTheParametersCannotFillIsAnErrorOnThatMethod() throws Exception {
        CliRun run = check(lock(WAREHOUSE + "#ship(..)", "order:{0.customer.name}"));

        assertEquals(1, run.status(), run.toString());
        int method = run.outLines().indexOf("    " + WAREHOUSE + "#ship(" + WAREHOUSE + "$Order)");
        String error = run.outLines().get(method + 1);
        assertEquals("        ERROR: lock key \"order:{0.customer.name}\" for " + WAREHOUSE + "#ship: {0.customer.name}: "
                + WAREHOUSE + "$Customer has no public getName(), isName(), name() or field name", error, run.toString());
        assertEquals("PROBLEMS FOUND: 1 method cannot be woven as configured", last(run));
    }

    @Test
    void aMissingClassPathEntryIsAProblemSinceItWouldHideMatches() throws Exception {
        CliRun run = check(lock(WAREHOUSE + "#reserve(..)", "sku:{0}"),
                jar + File.pathSeparator + dir.resolve("lib") + File.separator + "*");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.outLines().contains("class path entry not found: " + dir.resolve("lib") + "/*"), run.toString());
        assertEquals("PROBLEMS FOUND: 1 class path entry not found", last(run));
    }

    @Test
    void anInvalidFileIsReportedLikeTheAgentReportsIt() throws Exception {
        CliRun run = check(lock(WAREHOUSE + "#reserve(..)", "sku:{0}") + "    wiat: 5s\n");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.outLines().get(0).matches("weft: config error: .*weft\\.yaml:4:5: unknown key 'wiat'.*"),
                run.toString());
        assertEquals("PROBLEMS FOUND: 1 config error", last(run));
    }

    @Test
    void aParticipantWithoutItsConfirmMethodIsAnErrorOnItsTry() throws Exception {
        CliRun run = checkFile("transactions:\n  participants:\n    - try: " + WAREHOUSE + "#reserve(String, int)\n"
                + "      confirm: confirmReserve\n      cancel: cancelReserve\n");

        assertEquals(1, run.status(), run.toString());
        int method = run.outLines().indexOf("    " + WAREHOUSE + "#reserve(java.lang.String, int)");
        assertTrue(method > 0 && run.outLines().get(method + 1).contains("ERROR: confirm"), run.toString());
    }

    @Test
    void publishAndConsumeRulesSayWhatTheyGuaranteeAndAPayloadWithoutItsArgumentIsAnError() throws Exception {
        CliRun run = checkFile("""
                messages:
                  publish:
                    - method: %1$s#reserve(..)
                      stream: reservations
                      payload: "{0}"
                    - method: %1$s#ship(..)
                      stream: shipments
                      payload: "{1}"
                  consume:
                    - stream: reservations
                      group: audit
                      method: %1$s#ship(..)
                """.formatted(WAREHOUSE));

        assertEquals(1, run.status(), run.toString());
        assertFollows(run, ":3:7: publish " + WAREHOUSE + "#reserve(..)", "    NOTE: to stream 'reservations' through"
                + " weft_outbox, only when the method's JDBC transaction commits; a call that does no JDBC work fails");
        assertFollows(run, ":10:7: consume " + WAREHOUSE + "#ship(..)", "    NOTE: stream 'reservations' as group"
                + " 'audit': exactly once for the JDBC work the method does on its thread (weft_inbox commits with"
                + " it), at least once for anything else it does");
        assertTrue(run.outLines().contains("        ERROR: payload \"{1}\" names argument 1, but " + WAREHOUSE
                + "#ship has 1; count arguments from 0"), run.toString());
        assertEquals("PROBLEMS FOUND: 1 method cannot be woven as configured", last(run));
    }

    private CliRun check(String locks) throws Exception {
        return check(locks, jar.toString());
    }

    private CliRun check(String locks, String classPath) throws Exception {
        return checkFile("locks:\n" + locks, classPath);
    }

    private CliRun checkFile(String yaml) throws Exception {
        return checkFile(yaml, jar.toString());
    }

    private CliRun checkFile(String yaml, String classPath) throws Exception {
        Path config = Files.writeString(dir.resolve("weft.yaml"), yaml);
        return CliRun.of("check", "--config", config.toString(), "--classpath", classPath);
    }

    private static String lock(String selector, String key) {
        return "  - method: " + selector + "\n    key: \"" + key + "\"\n";
    }

    /** A line ending with {@code header}, then {@code next} right after it. */
    private static void assertFollows(CliRun run, String header, String next) {
        List<String> lines = run.outLines();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).endsWith(header)) {
                assertEquals(next, lines.get(i + 1), run.toString());
                return;
            }
        }
        throw new AssertionError("no line ending with " + header + run);
    }

    private static String last(CliRun run) {
        List<String> lines = run.outLines();
        return lines.get(lines.size() - 1);
    }
}
