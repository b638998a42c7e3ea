package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.Signals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
