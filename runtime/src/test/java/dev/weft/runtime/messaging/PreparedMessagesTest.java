package dev.weft.runtime.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisExtension;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prepared messages in a real redis-server: unseen until released, released once, checked back once per lease. */
class PreparedMessagesTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    final RedisEndpoint redis = new RedisEndpoint(REDIS.uri(), Duration.ofSeconds(5));
    final RawRedis raw = new RawRedis(REDIS.uri());
    final PreparedMessages prepared = new PreparedMessages(redis, "test:", 1000);

    @AfterEach
    void close() {
        redis.close();
        raw.close();
    }

    @Test
    void aPreparedMessageIsUnseenUntilPublishedAndThenGoesOutOnce() {
        Message message = new Message("paid", "m1", "{\"order\":1}", 1_700_000_000_000L);
        CompletableFuture<Long> stored = prepared.prepareLater(message, Duration.ofMinutes(1));
        assertTrue(prepared.attach(message, "db:abc", stored), "attached once stored");
        assertEquals(0, entries("paid").size(), "consumers cannot see a prepared message");
        assertEquals(1, prepared.waiting("paid"));

        assertTrue(prepared.publish("paid", "m1"));
        assertFalse(prepared.publish("paid", "m1"), "a second release finds it gone");
        assertFalse(prepared.attach(message, "db:abc", stored), "a transaction beginning now learns it was resolved");

        List<StreamMessage<String, String>> entries = entries("paid");
        assertEquals(1, entries.size());
        assertEquals(Map.of("id", "m1", "payload", "{\"order\":1}", "createdAt", "1700000000000"),
                entries.get(0).getBody());
        assertEquals(0, prepared.waiting("paid"));
    }

    @Test
    void aDiscardedMessageNeverReachesTheStream() {
        prepared.prepare(new Message("dropped", "m1", "{}", 1), Duration.ofMinutes(1), "");
        assertTrue(prepared.discard("dropped", "m1"));
        assertFalse(prepared.publish("dropped", "m1"));
        assertEquals(0, entries("dropped").size());
    }

    @Test
    void aDueMessageIsLeasedToOneCheckerAtATime() {
        Message began = new Message("due", "began", "{}", 1);
        prepared.attach(began, "db:abc", prepared.prepareLater(began, Duration.ZERO));
        prepared.prepare(new Message("due", "never", "{}", 2), Duration.ZERO, "");
        prepared.prepare(new Message("due", "later", "{}", 3), Duration.ofMinutes(1), "");

        List<PreparedMessages.Due> first = prepared.claimDue("due", Duration.ofMinutes(1), 10);
        assertEquals(List.of(new PreparedMessages.Due(began, Optional.of("db:abc")),
                new PreparedMessages.Due(new Message("due", "never", "{}", 2), Optional.empty())), first);
        assertEquals(List.of(), prepared.claimDue("due", Duration.ofMinutes(1), 10), "leased to the first");
    }

    @Test
    void aCheckBackThatFoundNoTransactionDoesNotDiscardOneThatBeganSince() {
        Message message = new Message("late", "m1", "{}", 1);
        CompletableFuture<Long> stored = prepared.prepareLater(message, Duration.ZERO);
        stored.join();
        List<PreparedMessages.Due> claimed = prepared.claimDue("late", Duration.ofMinutes(1), 10);
        assertEquals(Optional.empty(), claimed.get(0).check(), "claimed before its transaction began");

        assertTrue(prepared.attach(message, "db:abc", stored), "the transaction begins after the claim");
        assertFalse(prepared.discardIfNeverBegun("late", "m1"), "the check-back must leave it to be decided");
        assertEquals(1, prepared.waiting("late"));
        assertTrue(prepared.publish("late", "m1"), "its commit still publishes it");
        assertEquals(1, entries("late").size());
    }

    @Test
    void controlAnUnconditionalDiscardLosesTheMessageOfATransactionThatBeganAfterTheClaim() {
        Message message = new Message("lost", "m1", "{}", 1);
        CompletableFuture<Long> stored = prepared.prepareLater(message, Duration.ZERO);
        stored.join();
        prepared.claimDue("lost", Duration.ofMinutes(1), 10);
        assertTrue(prepared.attach(message, "db:abc", stored), "the transaction goes on to commit");

        assertTrue(prepared.discard("lost", "m1"), "what the check-back did before");
        assertFalse(prepared.publish("lost", "m1"), "the committed transaction's message is gone");
        assertEquals(0, entries("lost").size());
    }

    @Test
    void aCheckBackDiscardsAMessageWhoseTransactionNeverBegan() {
        Message message = new Message("unbegun", "m1", "{}", 1);
        prepared.prepare(message, Duration.ZERO, "");
        assertTrue(prepared.discardIfNeverBegun("unbegun", "m1"));
        assertFalse(prepared.attach(message, "db:abc", CompletableFuture.completedFuture(1L)),
                "a transaction beginning now learns it was discarded and must not commit");
    }

    private List<StreamMessage<String, String>> entries(String stream) {
        return raw.call(r -> r.xrange("test:stream:{" + stream + "}", Range.create("-", "+")));
    }
}
