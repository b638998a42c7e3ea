package dev.weft.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.ops.DispatchApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 5: {@code java -jar weft-agent.jar status <pid> [--json]} against running applications. */
class StatusCommandTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void statusShowsTheSelectorsAndTheHeldLockOfARunningApplication() throws Exception {
        try (JavaProcess app = Dispatch.shipping(dir, redis.uri())) {
            JavaProcess table = status(app.pid());
            Jvm.assertExitsCleanly(table);
            List<String> lines = table.stdoutLines();
            assertEquals("Weft " + lines.get(0).split(" ")[1] + " in pid " + app.pid() + ", config "
                    + dir.resolve("weft.yaml"), lines.get(0), table.report());
            assertTrue(lines.stream().anyMatch(l -> l.matches(" +\\d+:5 +" + quoted(Dispatch.SHIP) + " +1 +1 +0 +0 .*")),
                    table.report());
            assertTrue(lines.stream().anyMatch(l -> l.matches(" +\\d+:5 +" + quoted(Dispatch.CANCEL)
                    + " +0 +0 +0 +0 +- +- +matched nothing yet")), table.report());
            assertTrue(lines.contains("Locks: 1 acquired, 0 busy, 0 lost, 0 errors, 1 held now"), table.report());
            assertTrue(lines.contains("Transactions: no transactions configured"), table.report());

            JavaProcess json = status(app.pid(), "--json");
            Jvm.assertExitsCleanly(json);
            JsonNode report = new ObjectMapper().readTree(json.stdout());
            assertEquals(app.pid(), report.get("pid").asLong(), json.report());
            assertEquals(Dispatch.SHIP, report.at("/selectors/0/selector").asText());
            assertEquals(1, report.at("/selectors/0/calls").asLong());
            assertEquals(1, report.at("/locks/acquired").asLong());
            assertEquals(1, report.at("/locks/heldNow").asLong());
            assertEquals("parcel:parcel-7", report.at("/locks/held/0/key").asText(), json.report());
            assertEquals("main", report.at("/locks/held/0/holderThread").asText(), json.report());
            assertTrue(report.get("transactions").isNull(), json.report());

            Dispatch.finish(app);
        }
    }

    @Test
    void aJvmWithoutTheAgentIsExitOneWithAClearMessage() {
        try (JavaProcess app = Jvm.plain(DispatchApp.class, Dispatch.PARCEL).start()) {
            app.awaitLine("SHIPPING " + Dispatch.PARCEL, Jvm.TIMEOUT);
            JavaProcess status = status(app.pid());

            assertEquals(1, status.awaitExit(Jvm.TIMEOUT), status.report());
            assertTrue(status.stderr().startsWith("weft status: pid " + app.pid() + " is a JVM without Weft"),
                    status.report());
            Dispatch.finish(app);
        }
    }

    private static JavaProcess status(long pid, String... options) {
        JavaProcess.Builder cli = JavaProcess.jar(Jvm.agentJar()).name("weft status").args("status", Long.toString(pid));
        return cli.args(options).start();
    }

    private static String quoted(String text) {
        return java.util.regex.Pattern.quote(text);
    }
}
