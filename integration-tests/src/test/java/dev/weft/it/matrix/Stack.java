package dev.weft.it.matrix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a row of the fidelity matrix runs its application on: a Java, and the agents attached in the order given
 * (the order the JVM starts them in). {@code agents} empty is the control: the application as is.
 */
public record Stack(int javaVersion, Path java, List<Agent> agents) {
    public enum Agent {
        WEFT("Weft"), OPENTELEMETRY("OpenTelemetry");

        private final String label;

        Agent(String label) {
            this.label = label;
        }
    }

    /** The Java running the tests (17 in this build). */
    public static Stack current(Agent... agents) {
        return new Stack(Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(agents));
    }

    /** Java 25 where one is installed; otherwise the calling test is skipped, saying so. */
    static Stack java25(Agent... agents) {
        Path java = Jvm.java25();
        if (java == null) {
            System.out.println("[matrix] skipped on Java 25: no JDK 25 found in /usr/lib/jvm; set WEFT_JAVA25_HOME");
        }
        assumeTrue(java != null, "no JDK 25 found in /usr/lib/jvm; set WEFT_JAVA25_HOME");
        return new Stack(25, java, List.of(agents));
    }

    boolean weft() {
        return agents.contains(Agent.WEFT);
    }

    boolean openTelemetry() {
        return agents.contains(Agent.OPENTELEMETRY);
    }

    /**
     * The JVM on this stack. OpenTelemetry prints its spans on standard error (its logging exporter) and exports
     * nothing else, so that nothing leaves the machine.
     */
    JavaProcess.Builder apply(JavaProcess.Builder jvm, Path weftConfig, String redisUri) {
        jvm.java(java);
        for (Agent agent : agents) {
            if (agent == Agent.WEFT) {
                Jvm.attach(jvm, weftConfig, redisUri);
            } else {
                jvm.agent(Jvm.openTelemetryAgentJar(), null)
                        .env("OTEL_TRACES_EXPORTER", "logging")
                        .env("OTEL_METRICS_EXPORTER", "none")
                        .env("OTEL_LOGS_EXPORTER", "none");
            }
        }
        return jvm;
    }

    @Override
    public String toString() {
        return "Java " + javaVersion + ", " + (agents.isEmpty() ? "no agent"
                : agents.stream().map(a -> a.label).collect(Collectors.joining(" then ")));
    }
}
