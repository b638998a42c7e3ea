package dev.weft.bench.outbox;

import dev.weft.bench.Harness;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.LoadRun;
import dev.weft.bench.load.WorkerJvm;
import dev.weft.bench.load.Workloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How the order service's JVM publishes its orders: the implementations the outbox rows compare. */
public enum Publisher {
    /** The plain order service with {@code -javaagent} and a {@code messages.publish} rule on its method. */
    WEFT("Weft"),
    /** The same rule in {@code mode: prepared}: the message waits in Redis, the transaction writes weft_msg_barrier. */
    WEFT_PREPARED("Weft, mode: prepared"),
    /** The same service with the outbox row and the polling relay written by hand, no agent. */
    HAND_WRITTEN("hand-written outbox, relay polling every " + HandWrittenRelay.POLL_MILLIS + " ms"),
    /** The plain service, no agent, no message: what the outbox's cost is measured against. */
    NONE("no outbox, no agent");

    private final String label;

    Publisher(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Places orders from {@code threads} threads of one JVM into a fresh H2 file database under {@code dir}, one per
     * thread every {@code paceMicros} (0: back to back); the messages go to {@code redisUri}.
     */
    LoadResult place(Harness harness, Path dir, String redisUri, int threads, long paceMicros)
            throws NotInThisBuild {
        String url = "jdbc:h2:file:" + dir.resolve("orders");
        List<String> workload = new ArrayList<>(List.of(Workloads.OUTBOX_ORDER.id(), name(), url,
                Long.toString(paceMicros)));
        WorkerJvm jvm = switch (this) {
            case WEFT -> WorkerJvm.withAgent("orders-weft", harness.layout().workerClassPath("org.h2.Driver"),
                    harness.layout().agentJar(),
                    "config=" + WeftYaml.outboxPublisher(dir, "publisher", redisUri, "outbox"));
            case WEFT_PREPARED -> WorkerJvm.withAgent("orders-weft-prepared",
                    harness.layout().workerClassPath("org.h2.Driver"), harness.layout().agentJar(),
                    "config=" + WeftYaml.outboxPublisher(dir, "publisher", redisUri, "prepared"));
            case HAND_WRITTEN -> {
                workload.addAll(List.of(redisUri, WeftYaml.OUTBOX_STREAM_KEY));
                yield WorkerJvm.plain("orders-hand-written", harness.layout().lettuceClassPath("org.h2.Driver"));
            }
            case NONE -> WorkerJvm.plain("orders-plain", harness.layout().workerClassPath("org.h2.Driver"));
        };
        return LoadRun.run(jvm, harness.settings(), 1, threads, workload);
    }
}
