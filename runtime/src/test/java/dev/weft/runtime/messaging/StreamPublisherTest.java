package dev.weft.runtime.messaging;

import static dev.weft.runtime.messaging.TestStreams.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisExtension;
import dev.weft.testkit.RedisServer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamPublisherTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    /** Redis trims {@code MAXLEN ~} by whole nodes of {@code stream-node-max-entries} (100 by default) entries. */
    static final int NODE_ENTRIES = 100;

    final RedisEndpoint redis = new RedisEndpoint(REDIS.uri(), Duration.ofSeconds(5));
    final RawRedis raw = new RawRedis(REDIS.uri());

    @AfterEach
    void close() {
        redis.close();
        raw.close();
    }

    @Test
    void anEntryCarriesTheMessageIdPayloadAndCreationTime() {
        StreamPublisher publisher = new StreamPublisher(redis, KEYS, 1000);
        Message message = new Message("fields", "order-7", "{\"sku\":\"a\"}", 1_700_000_000_123L);

        String entryId = publisher.publish(message);

        List<StreamMessage<String, String>> entries = raw.call(r -> r.xrange("test:stream:{fields}", Range.create("-", "+")));
        assertEquals(1, entries.size());
        assertEquals(entryId, entries.get(0).getId());
        assertEquals(Map.of("id", "order-7", "payload", "{\"sku\":\"a\"}", "createdAt", "1700000000123"),
                entries.get(0).getBody());
    }

    @Test
    void maxLenCapsTheStreamApproximately() {
        StreamPublisher capped = new StreamPublisher(redis, KEYS, 100);

        assertEquals(1000, capped.publishAll(TestStreams.messages("capped", "m", 1000)));

        long length = TestStreams.length(raw, "capped");
        assertTrue(length >= 100 && length <= 100 + NODE_ENTRIES, "length " + length);
    }

    /** The control: the same messages with a cap above their number all stay. */
    @Test
    void withoutACapWithinReachEveryEntryStays() {
        StreamPublisher roomy = new StreamPublisher(redis, KEYS, 1_000_000);

        assertEquals(1000, roomy.publishAll(TestStreams.messages("roomy", "m", 1000)));

        assertEquals(1000, TestStreams.length(raw, "roomy"));
    }

    @Test
    void whenRedisCannotTakeThemPublishingFailsWithTheReason() {
        RedisServer gone = RedisServer.start();
        String uri = gone.uri();
        gone.close();
        try (RedisEndpoint unreachable = new RedisEndpoint(uri, Duration.ofSeconds(1))) {
            StreamPublisher publisher = new StreamPublisher(unreachable, KEYS, 100);

            WeftBackendException one = assertThrows(WeftBackendException.class,
                    () -> publisher.publish(TestStreams.messages("down", "m", 1).get(0)));
            WeftBackendException many = assertThrows(WeftBackendException.class,
                    () -> publisher.publishAll(TestStreams.messages("down", "m", 3)));

            assertTrue(one.getMessage().startsWith("cannot reach Redis at " + uri + " to publish message \"m0\" to"
                    + " stream down"), one.getMessage());
            assertTrue(many.getMessage().contains("to publish message \"m0\""), many.getMessage());
        }
    }
}
