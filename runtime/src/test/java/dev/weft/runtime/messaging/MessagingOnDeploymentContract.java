package dev.weft.runtime.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.TransactionSettings.Retry;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisCluster;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams and prepared messages on a deployment other than one plain server: prepared, published, discarded and
 * checked back; published, consumed in a group and acknowledged.
 */
abstract class MessagingOnDeploymentContract {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    /** On a fixture cluster, one stream on each master: each master has a third of the slots, in order. */
    static final List<String> STREAMS = IntStream.range(0, 3).mapToObj(MessagingOnDeploymentContract::streamOnMaster)
            .toList();

    final String keyPrefix = "weft-msg-" + System.nanoTime() + ":";
    final StreamKeys keys = new StreamKeys(keyPrefix);
    final List<AutoCloseable> closing = new ArrayList<>();
    final RedisEndpoint redis = closing(endpoint());

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    @Test
    void preparedMessagesArePublishedDiscardedAndCheckedBackOnEveryMaster() {
        PreparedMessages prepared = new PreparedMessages(redis, keyPrefix, 1000);
        for (String stream : STREAMS) {
            Message kept = new Message(stream, "kept", "{}", 1);
            CompletableFuture<Long> stored = prepared.prepareLater(kept, Duration.ofMinutes(1));
            assertTrue(prepared.attach(kept, "db:1", stored));
            prepared.prepare(new Message(stream, "dropped", "{}", 2), Duration.ofMinutes(1), "");
            prepared.prepare(new Message(stream, "left", "{}", 3), Duration.ZERO, "db:2");

            assertTrue(prepared.publish(stream, "kept"));
            assertTrue(prepared.discard(stream, "dropped"));
            List<PreparedMessages.Due> due = prepared.claimDue(stream, Duration.ofMinutes(1), 10);
            assertEquals(List.of("left"), due.stream().map(d -> d.message().id()).toList(), stream);
            assertEquals(Optional.of("db:2"), due.get(0).check());
            assertTrue(prepared.publish(stream, "left"));
            assertFalse(prepared.publish(stream, "left"));
            assertEquals(2L, redis.<Long>call("xlen", r -> r.xlen(keys.of(stream))), stream);
        }
    }

    @Test
    void publishedMessagesOnEveryMasterAreConsumedOnce() {
        StreamPublisher publisher = new StreamPublisher(redis, keys, 1000);
        List<Message> messages = new ArrayList<>();
        STREAMS.forEach(stream -> messages.addAll(TestStreams.messages(stream, stream + "-m", 5)));
        assertEquals(messages.size(), publisher.publishAll(messages));

        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        for (String stream : STREAMS) {
            StreamConsumer consumer = closing(new StreamConsumer(endpoint(), keys, stream, "g", "c1", 1,
                    new Retry(Duration.ofMillis(10), Duration.ofMillis(10), 3),
                    message -> handled.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet(),
                    new ConsumerMetrics(), Duration.ofMinutes(1), Duration.ofMillis(20)));
            consumer.start();
        }
        Eventually.await("every message handled", GENEROUS, () -> handled.size() == messages.size());
        handled.forEach((id, times) -> assertEquals(1, times.get(), id));
    }

    private static String streamOnMaster(int master) {
        return IntStream.iterate(0, n -> n + 1).mapToObj(n -> "orders-" + n)
                .filter(name -> SlotHash.getSlot(name) * 3 / RedisCluster.SLOTS == master)
                .findFirst().orElseThrow();
    }

    /** A new endpoint on the deployment under test. */
    abstract RedisEndpoint newEndpoint();

    private RedisEndpoint endpoint() {
        return closing(newEndpoint());
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
