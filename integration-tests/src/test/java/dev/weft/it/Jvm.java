package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Launching the test applications ({@code com.acme.*}) in their own JVMs, with or without the agent. */
public final class Jvm {
    /** Only so that a broken run cannot hang the build; nothing here is a performance assertion. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Jvm() {
    }

    /** The application as is, on this JVM's class path (test classes, Jackson 2.12, Lettuce 6, ...). */
    public static JavaProcess.Builder plain(Class<?> mainClass, String... args) {
        return JavaProcess.mainClass(mainClass.getName()).name(mainClass.getSimpleName()).args(args);
    }

    /** The same application with {@code -javaagent:weft-agent.jar=config=<config>} and {@code REDIS_URI} set. */
    public static JavaProcess.Builder woven(Path config, String redisUri, Class<?> mainClass, String... args) {
        return attach(plain(mainClass, args), config, redisUri);
    }

    public static JavaProcess.Builder attach(JavaProcess.Builder jvm, Path config, String redisUri) {
        return jvm.agent(agentJar(), "config=" + config).env("REDIS_URI", redisUri);
    }

    public static Path agentJar() {
        return built("weft.agent.jar");
    }

    public static Path demoJar() {
        return built("weft.demo.jar");
    }

    /** apps/spring-stock's executable fat jar, as spring-boot-maven-plugin built it. */
    public static Path springStockJar() {
        return built("weft.spring.stock.jar");
    }

    /** The OpenTelemetry Java agent, copied from the Maven repository by the build. */
    public static Path openTelemetryAgentJar() {
        return built("weft.otel.agent.jar");
    }

    /** Waits for the child and asserts it exited 0 by itself: a finished main must not be kept alive by Weft. */
    public static void assertExitsCleanly(JavaProcess process) {
        assertEquals(0, process.awaitExit(TIMEOUT), "exit status" + process.report());
    }

    /** {@code kill -9}, and waits until it is gone (exit status 137: killed by SIGKILL). */
    public static void kill9(JavaProcess process) {
        Signals.send("KILL", process.pid());
        assertEquals(137, process.awaitExit(TIMEOUT), process.report());
    }

    /** Waits until every child is READY, then sends GO to all, so that they really run at the same time. */
    public static void startTogether(List<JavaProcess> processes) {
        processes.forEach(p -> p.awaitLine("READY", TIMEOUT));
        processes.forEach(p -> p.send("GO"));
    }

    /** {@code WEFT_JAVA25_HOME}, else the first {@code /usr/lib/jvm/*25*} with a {@code bin/java}; null if none. */
    public static Path java25() {
        String home = System.getenv("WEFT_JAVA25_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "bin", "java");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates.filter(p -> p.getFileName().toString().contains("25"))
                    .sorted(Comparator.naturalOrder())
                    .map(p -> p.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path built(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            fail("system property " + property + " is not set: run the integration tests through Maven");
        }
        Path jar = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " does not exist: run mvn package first (mvn -B -pl integration-tests -am verify)");
        }
        return jar;
    }
}
