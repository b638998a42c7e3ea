package dev.weft.bench.outbox;

import dev.weft.bench.Harness;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.Histogram;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The consumer JVM ({@link ShippingProcess}) as the harness drives it: Weft consuming the orders into H2. */
final class ShippingJvm implements AutoCloseable {
    /** Handlers of the consumer group: enough that the consumer is not what every implementation waits for. */
    static final int CONCURRENCY = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final JavaProcess process;

    /** What the consumer recorded; {@code lag} only over the orders placed in the window. */
    record Shipped(long inWindow, long shipments, long distinctOrders, Histogram lag) {
    }

    private ShippingJvm(JavaProcess process) {
        this.process = process;
    }

    static ShippingJvm start(Harness harness, Path dir, String redisUri) {
        Path config = WeftYaml.outboxConsumer(dir, "consumer", redisUri, CONCURRENCY);
        JavaProcess process = JavaProcess.mainClass(ShippingProcess.class.getName())
                .classPath(harness.layout().workerClassPath("org.h2.Driver")).name("shipping")
                .agent(harness.layout().agentJar(), "config=" + config)
                .args("jdbc:h2:file:" + dir.resolve("shipping")).start();
        ShippingJvm jvm = new ShippingJvm(process);
        try {
            process.awaitLine("READY", TIMEOUT);
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        return jvm;
    }

    /**
     * Waits until {@code expected} shipments are recorded (at most {@code drain}), then reads the window.
     *
     * @throws IllegalStateException when there is no shipment at all: nothing else calls the consumer method, so a
     *                               shipment is the proof that the agent consumes
     */
    Shipped report(Instant from, Instant to, long expected, Duration drain) {
        process.send("REPORT " + micros(from) + " " + micros(to) + " " + expected + " " + drain.toMillis());
        String line = process.awaitLine(l -> l.startsWith("SHIPPED "), "SHIPPED", TIMEOUT.plus(drain));
        String[] fields = line.split(" ");
        Shipped shipped = new Shipped(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                Histogram.decode(fields[4]));
        if (shipped.shipments() == 0) {
            throw new IllegalStateException("the consumer shipped nothing in " + drain + process.report());
        }
        return shipped;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public void close() {
        process.close();
    }
}
