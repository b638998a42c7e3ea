package dev.weft.runtime.messaging;

import static dev.weft.runtime.messaging.TestStreams.GENEROUS;
import static dev.weft.runtime.messaging.TestStreams.KEYS;
import static dev.weft.runtime.messaging.TestStreams.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.TransactionSettings.Retry;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisExtension;
import dev.weft.testkit.RedisServer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamConsumerTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final Retry QUICK = new Retry(Duration.ofMillis(10), Duration.ofMillis(50), 3);
    /** Touches come every third of it: long enough that a loaded machine does not miss one. */
    static final Duration SHORT_IDLE = Duration.ofMillis(500);
    static final Duration POLL = Duration.ofMillis(20);

    final List<AutoCloseable> toClose = new ArrayList<>();
    final RedisEndpoint redis = closing(new RedisEndpoint(REDIS.uri(), Duration.ofSeconds(1)));
    final RawRedis raw = closing(new RawRedis(REDIS.uri()));
    final StreamPublisher publisher = new StreamPublisher(redis, KEYS, 1_000_000);

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void everyPublishedMessageIsHandledOnceAndAcknowledged() {
        Handled handled = new Handled();
        ConsumerMetrics metrics = new ConsumerMetrics();
        publisher.publishAll(TestStreams.messages("once", "m", 30));

        start(consumer(REDIS.uri(), "once", "g", "c1", 2, QUICK, handled, metrics, SHORT_IDLE));

        Eventually.await("all consumed", GENEROUS, () -> metrics.consumed() == 30);
        assertEquals(30, handled.count.size());
        handled.count.forEach((id, times) -> assertEquals(1, times.get(), id));
        assertEquals(0, pending(raw, "once", "g"));
        assertEquals(new Message("once", "m7", "{\"n\":7}", 1_700_000_000_007L), handled.messages.get("m7"));
    }

    @Test
    void twoConsumersInOneGroupShareTheMessagesEachHandledOnce() {
        Handled handled = new Handled();
        ConsumerMetrics metrics = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "shared", "g", "a", 2, QUICK, handled, metrics, SHORT_IDLE));
        start(consumer(REDIS.uri(), "shared", "g", "b", 2, QUICK, handled, metrics, SHORT_IDLE));

        publisher.publishAll(TestStreams.messages("shared", "m", 100));

        Eventually.await("all consumed", GENEROUS, () -> metrics.consumed() == 100);
        assertEquals(100, handled.count.size());
        handled.count.forEach((id, times) -> assertEquals(1, times.get(), id));
    }

    /** The control: consumers in two groups each get every message; it is the group that shares them out. */
    @Test
    void consumersInTwoGroupsEachHandleEveryMessage() {
        Handled handled = new Handled();
        ConsumerMetrics first = new ConsumerMetrics();
        ConsumerMetrics second = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "fanout", "g1", "a", 2, QUICK, handled, first, SHORT_IDLE));
        start(consumer(REDIS.uri(), "fanout", "g2", "b", 2, QUICK, handled, second, SHORT_IDLE));

        publisher.publishAll(TestStreams.messages("fanout", "m", 100));

        Eventually.await("all consumed", GENEROUS, () -> first.consumed() == 100 && second.consumed() == 100);
        handled.count.forEach((id, times) -> assertEquals(2, times.get(), id));
    }

    @Test
    void aMessageLeftPendingByAConsumerThatStoppedIsClaimedByAnother() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StreamConsumer dying = start(consumer(REDIS.uri(), "abandoned", "g", "dying", 1, QUICK, message -> {
            entered.countDown();
            release.await();
        }, new ConsumerMetrics(), SHORT_IDLE));
        publisher.publish(TestStreams.messages("abandoned", "m", 1).get(0));
        assertTrue(entered.await(GENEROUS.toMillis(), TimeUnit.MILLISECONDS));

        dying.close();
        release.countDown(); // the handler returns after close: not acknowledged

        // The control: a consumer that claims only entries idle for an hour leaves it where it is.
        Handled byPatient = new Handled();
        StreamConsumer patient = start(consumer(REDIS.uri(), "abandoned", "g", "patient", 1, QUICK, byPatient,
                new ConsumerMetrics(), Duration.ofHours(1)));
        Eventually.await("a claim round", GENEROUS, () -> patient.claimRounds() >= 1);
        patient.close();
        assertEquals(Map.of(), byPatient.count);
        assertEquals(List.of("dying"), owners("abandoned", "g"));

        Handled byHeir = new Handled();
        ConsumerMetrics heirMetrics = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "abandoned", "g", "heir", 1, QUICK, byHeir, heirMetrics, SHORT_IDLE));

        Eventually.await("claimed and handled", GENEROUS, () -> heirMetrics.consumed() == 1);
        assertEquals(1, byHeir.count.get("m0").get());
        assertEquals(0, pending(raw, "abandoned", "g"));
    }

    @Test
    void aSlowHandlerKeepsItsMessageFromBeingClaimed() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerMetrics slowMetrics = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "slow", "g", "slow", 1, QUICK, message -> {
            entered.countDown();
            release.await();
        }, slowMetrics, SHORT_IDLE));
        publisher.publish(TestStreams.messages("slow", "m", 1).get(0));
        assertTrue(entered.await(GENEROUS.toMillis(), TimeUnit.MILLISECONDS));
        Handled byOther = new Handled();
        StreamConsumer other = start(consumer(REDIS.uri(), "slow", "g", "other", 1, QUICK, byOther,
                new ConsumerMetrics(), SHORT_IDLE));

        // Many times minIdle: without the slow consumer touching its entry, the other would have claimed it.
        Eventually.await("claim rounds", GENEROUS, () -> other.claimRounds() >= 20);
        release.countDown();

        Eventually.await("handled by the slow consumer", GENEROUS, () -> slowMetrics.consumed() == 1);
        assertEquals(Map.of(), byOther.count);
    }

    @Test
    void aPoisonMessageIsTriedMaxAttemptsTimesThenDeadLetteredWhileOthersFlow() {
        AtomicInteger poisonAttempts = new AtomicInteger();
        Handled handled = new Handled();
        ConsumerMetrics metrics = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "poison", "g", "c", 2, QUICK, message -> {
            if (message.id().equals("poison")) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("cannot ship order poison");
            }
            handled.handle(message);
        }, metrics, SHORT_IDLE));
        publisher.publish(new Message("poison", "poison", "{}", 1L));
        publisher.publishAll(TestStreams.messages("poison", "m", 20));

        Eventually.await("dead-lettered and the rest consumed", GENEROUS,
                () -> metrics.deadLettered() == 1 && metrics.consumed() == 20);

        assertEquals(3, poisonAttempts.get());
        assertEquals(2, metrics.retried());
        assertEquals(0, pending(raw, "poison", "g"));
        List<Map<String, String>> dead = TestStreams.deadLetters(raw, "poison");
        assertEquals(1, dead.size());
        Map<String, String> fields = dead.get(0);
        assertEquals("poison", fields.get("id"));
        assertEquals("cannot ship order poison", fields.get("error"));
        assertEquals("3", fields.get("attempts"));
        assertEquals("g", fields.get("group"));
    }

    /** The control: with attempts to spare, the poison message stays pending and nothing is dead-lettered. */
    @Test
    void withAttemptsToSpareThePoisonMessageStaysPending() {
        AtomicInteger poisonAttempts = new AtomicInteger();
        ConsumerMetrics metrics = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "poison-kept", "g", "c", 2, new Retry(Duration.ofMillis(10), Duration.ofMillis(50),
                1000), message -> {
            poisonAttempts.incrementAndGet();
            throw new IllegalStateException("cannot ship order poison");
        }, metrics, SHORT_IDLE));
        publisher.publish(new Message("poison-kept", "poison", "{}", 1L));

        Eventually.await("attempts", GENEROUS, () -> poisonAttempts.get() >= 5);

        assertEquals(0, metrics.deadLettered());
        assertEquals(1, pending(raw, "poison-kept", "g"));
        assertEquals(0, TestStreams.length(raw, "poison-kept.dlq"));
    }

    /** The delivery counter is the attempt count: a consumer that takes over a failing message goes on counting. */
    @Test
    void attemptsCountedBeforeAConsumerStoppedCountAfterAnotherClaimedTheMessage() {
        AtomicInteger attempts = new AtomicInteger();
        MessageHandler failing = message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("attempt " + attempts.get());
        };
        StreamConsumer first = start(consumer(REDIS.uri(), "counted", "g", "first", 1,
                new Retry(Duration.ofMinutes(10), Duration.ofMinutes(10), 3), failing, new ConsumerMetrics(), SHORT_IDLE));
        publisher.publish(TestStreams.messages("counted", "m", 1).get(0));
        Eventually.await("first attempt", GENEROUS, () -> attempts.get() == 1);
        first.close(); // while it waits ten minutes for the second attempt

        ConsumerMetrics metrics = new ConsumerMetrics();
        start(consumer(REDIS.uri(), "counted", "g", "second", 1, QUICK, failing, metrics, SHORT_IDLE));

        Eventually.await("dead-lettered", GENEROUS, () -> metrics.deadLettered() == 1);
        assertEquals(3, attempts.get());
        assertEquals(1, metrics.retried());
        List<Map<String, String>> dead = TestStreams.deadLetters(raw, "counted");
        assertEquals("3", dead.get(0).get("attempts"));
        assertEquals("attempt 3", dead.get(0).get("error"));
    }

    @Test
    void oneAtATimeKeepsStreamOrderEvenAcrossRetries() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(2);
        ConsumerMetrics metrics = new ConsumerMetrics();
        List<Message> messages = TestStreams.messages("ordered", "m", 200);
        publisher.publishAll(messages);

        start(consumer(REDIS.uri(), "ordered", "g", "c", 1, QUICK, message -> {
            if (message.id().equals("m50") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("not yet");
            }
            order.add(message.id());
        }, metrics, SHORT_IDLE));

        Eventually.await("all consumed", GENEROUS, () -> metrics.consumed() == 200);
        assertEquals(messages.stream().map(Message::id).toList(), order);
        assertEquals(2, metrics.retried());
    }

    @Test
    void consumingGoesOnAfterRedisRestarts() {
        RedisServer server = closing(RedisServer.start());
        RedisEndpoint own = closing(new RedisEndpoint(server.uri(), Duration.ofSeconds(1)));
        StreamPublisher ownPublisher = new StreamPublisher(own, KEYS, 1000);
        Handled handled = new Handled();
        start(consumer(server.uri(), "restarted", "g", "c", 1, QUICK, handled, new ConsumerMetrics(), SHORT_IDLE));
        ownPublisher.publish(new Message("restarted", "before", "{}", 1L));
        Eventually.await("handled before", GENEROUS, () -> handled.count.containsKey("before"));

        server.restart(); // empty again: the stream and the group are gone

        AtomicInteger sent = new AtomicInteger();
        Eventually.await("handled after the restart", GENEROUS, () -> {
            try {
                ownPublisher.publish(new Message("restarted", "after-" + sent.getAndIncrement(), "{}", 1L));
            } catch (WeftBackendException publisherNotReconnectedYet) {
                // the publisher's connection comes back too
            }
            return handled.count.keySet().stream().anyMatch(id -> id.startsWith("after-"));
        });
    }

    private List<String> owners(String stream, String group) {
        List<PendingMessage> pending = raw.call(r -> r.xpending(KEYS.of(stream), group, Range.create("-", "+"),
                Limit.from(10)));
        return pending.stream().map(PendingMessage::getConsumer).toList();
    }

    private StreamConsumer consumer(String uri, String stream, String group, String name, int concurrency, Retry retry,
                                    MessageHandler handler, ConsumerMetrics metrics, Duration minIdle) {
        RedisEndpoint endpoint = uri.equals(REDIS.uri()) ? redis : closing(new RedisEndpoint(uri, Duration.ofSeconds(1)));
        return closing(new StreamConsumer(endpoint, KEYS, stream, group, name, concurrency, retry, handler, metrics,
                minIdle, POLL));
    }

    private StreamConsumer start(StreamConsumer consumer) {
        consumer.start();
        return consumer;
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    /** Records what a handler was given, counting repeats. */
    static final class Handled implements MessageHandler {
        final Map<String, AtomicInteger> count = new ConcurrentHashMap<>();
        final Map<String, Message> messages = new ConcurrentHashMap<>();

        @Override
        public void handle(Message message) {
            messages.put(message.id(), message);
            count.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }
}
