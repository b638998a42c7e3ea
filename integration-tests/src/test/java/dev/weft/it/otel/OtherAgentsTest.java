package dev.weft.it.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.otel.TracedApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.FreshRedisExtension;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC section 1: with the OpenTelemetry Java agent attached too (before Weft's, or after), the application's own
 * JDBC statements and Redis commands are traced, and none of Weft's: its Redis client is relocated out of the
 * agent's sight, its SQL (the JDBC transaction log, the barrier's rows) runs with OTel's instrumentation suppressed
 * (docs/architecture.md, "Invisible to other agents"). The application's own spans are the control: they show that
 * OTel does trace such calls in this JVM.
 */
class OtherAgentsTest {
    private static final String YAML = """
            redis:
              uri: ${REDIS_URI}
            locks:
              - method: com.acme.otel.Inventory#count(String)
                key: "sku:{0}"
            transactions:
              log:
                type: jdbc
                url: ${LOG_DB}
              global:
                - method: com.acme.otel.Shop#buy(String)
              participants:
                - try: com.acme.otel.Inventory#reserve(String)
                  confirm: confirmReserve
                  cancel: cancelReserve
            jdbc:
              barrier: true
            """;
    private static final String SPAN = "LoggingSpanExporter";
    private static final Duration STARTING = Duration.ofMinutes(3);

    @TempDir
    Path dir;
    @RegisterExtension
    final FreshRedisExtension redis = new FreshRedisExtension();

    @ParameterizedTest(name = "OpenTelemetry agent first: {0}")
    @ValueSource(booleans = {true, false})
    void onlyTheApplicationsOwnCallsBecomeSpans(boolean otelFirst) {
        String otel = "-javaagent:" + Jvm.openTelemetryAgentJar();
        JavaProcess.Builder jvm = Jvm.woven(WeftYaml.write(dir, YAML), redis.server().uri(), TracedApp.class)
                .env("APP_DB", "jdbc:h2:file:" + dir.resolve("app"))
                .env("LOG_DB", "jdbc:h2:file:" + dir.resolve("weft-log"))
                .env("OTEL_TRACES_EXPORTER", "logging")
                .env("OTEL_METRICS_EXPORTER", "none")
                .env("OTEL_LOGS_EXPORTER", "none")
                .env("OTEL_SERVICE_NAME", "traced-app");
        // JAVA_TOOL_OPTIONS are read before the command line's options
        jvm = otelFirst ? jvm.env("JAVA_TOOL_OPTIONS", otel) : jvm.option(otel);
        try (JavaProcess app = jvm.start()) {
            // two agents starting on a shared machine: a longer bound, against hangs only
            app.awaitLine("DONE", STARTING);
            assertEquals(0, app.awaitExit(STARTING), app.report());
            List<String> spans = Stream.concat(app.stdoutLines().stream(), app.stderrLines().stream())
                    .filter(line -> line.contains(SPAN)).toList();
            String report = String.join("\n", spans) + app.report();
            assertTrue(spans.stream().anyMatch(span -> span.contains("app_stock")), "the application's SQL" + report);
            // the application's Lettuce says HELLO, then SET; Weft's would add its scripts (EVALSHA), PUBLISH, ...
            List<String> redisSpans = spans.stream().filter(span -> span.contains("lettuce")).toList();
            assertTrue(redisSpans.stream().anyMatch(span -> span.contains("'SET'")), "the application's SET" + report);
            assertTrue(redisSpans.stream().allMatch(span -> span.contains("'SET'") || span.contains("'HELLO'")),
                    "only the application's own Redis commands" + report);
            assertFalse(spans.stream().anyMatch(span -> span.toLowerCase(Locale.ROOT).contains("weft")),
                    "no span of Weft's own SQL or Redis" + report);
            assertTrue(app.stderr().contains("Weft") && app.stderr().contains("opentelemetry"), app.report());
        }
    }
}
