package dev.weft.bench.startup;

import dev.weft.bench.Layout;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;

/** How the start-up rows launch the application: bare, with Weft, or with the OpenTelemetry agent. */
enum Attachment {
    NONE("no agent") {
        @Override
        void attach(JavaProcess.Builder jvm, Layout layout, Path weftConfig) {
        }
    },
    WEFT("Weft") {
        @Override
        void attach(JavaProcess.Builder jvm, Layout layout, Path weftConfig) {
            jvm.agent(layout.agentJar(), "config=" + weftConfig);
        }
    },
    OPENTELEMETRY("OpenTelemetry agent, exporters off") {
        /** The environment form of {@code -Dotel.traces.exporter=none} and its siblings: nothing is exported. */
        @Override
        void attach(JavaProcess.Builder jvm, Layout layout, Path weftConfig) {
            jvm.agent(layout.openTelemetryAgent(), null)
                    .env("OTEL_TRACES_EXPORTER", "none")
                    .env("OTEL_METRICS_EXPORTER", "none")
                    .env("OTEL_LOGS_EXPORTER", "none");
        }
    };

    private final String label;

    Attachment(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract void attach(JavaProcess.Builder jvm, Layout layout, Path weftConfig);
}
