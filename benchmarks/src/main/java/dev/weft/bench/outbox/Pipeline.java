package dev.weft.bench.outbox;

import dev.weft.bench.Harness;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.Histogram;
import dev.weft.bench.load.LoadResult;
import dev.weft.testkit.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One implementation end to end, on a fresh redis-server: the consumer JVM first, then the publishing JVM for the
 * row's window; then what the consumer recorded in that window. Both implementations share the consumer: Weft's
 * group, which reads the hand-written relay's entries as well (same stream, same fields), so only publishing differs.
 */
final class Pipeline {
    private Pipeline() {
    }

    /** At most, for every order placed to be shipped. */
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** How long a row without draining waits for its first shipment, the proof that the consumer runs at all. */
    private static final Duration FIRST_SHIPMENT = Duration.ofSeconds(30);

    /**
     * @param drain whether to wait, after the publisher's end, for every order placed to be shipped (at most
     *              {@code DRAIN}), as the lag needs; else the report is read at once
     */
    static Result run(Harness harness, String id, Publisher publisher, int threads, long paceMicros, boolean drain)
            throws Exception {
        Path dir = Files.createDirectory(harness.scratch().resolve(id + "-" + publisher.name().toLowerCase()));
        try (RedisServer redis = RedisServer.start(); ShippingJvm shipping = ShippingJvm.start(harness, dir, redis.uri())) {
            LoadResult placed = publisher.place(harness, dir, redis.uri(), threads, paceMicros);
            Instant from = placed.measuredFrom();
            long expected = drain ? placed.counts().getOrDefault("placed", 0L) : 1;
            Instant to = from.plus(placed.window());
            ShippingJvm.Shipped shipped = shipping.report(from, to, expected, drain ? DRAIN : FIRST_SHIPMENT);
            long relayed = StreamEntries.between(redis.port(), WeftYaml.OUTBOX_STREAM_KEY, from, to);
            Histogram toStream = StreamEntries.toStream(redis.port(), WeftYaml.OUTBOX_STREAM_KEY, from, to);
            System.err.printf("[bench] %s, %s: orders placed %s, shipments %d of %d distinct orders%n", id,
                    publisher.label(), placed.counts(), shipped.shipments(), shipped.distinctOrders());
            return new Result(placed, relayed, toStream, shipped, drain);
        }
    }

    /**
     * @param relayed  entries added to the stream in the window
     * @param toStream from placing an order to its entry on the stream, for the entries added in the window
     * @param drained  whether every order placed had its time to be shipped before the report
     */
    record Result(LoadResult placed, long relayed, Histogram toStream, ShippingJvm.Shipped shipped, boolean drained) {
        double relayedPerSecond() {
            return relayed / seconds();
        }

        double shippedPerSecond() {
            return shipped.inWindow() / seconds();
        }

        private double seconds() {
            return placed.window().toNanos() / 1e9;
        }

        /** Publishing calls that failed, and when drained the orders placed (committed) that were never shipped. */
        long failures() {
            long lost = placed.counts().getOrDefault("placed", 0L) - shipped.distinctOrders();
            return placed.failures() + (drained ? Math.max(0, lost) : 0);
        }
    }
}
