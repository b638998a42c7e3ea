package dev.weft.runtime.messaging;

import static dev.weft.runtime.messaging.TestStreams.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisExtension;
import io.lettuce.core.XAddArgs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What operators are shown of a dead-letter stream, read from a real one. */
class DeadLettersTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    final RedisEndpoint redis = new RedisEndpoint(REDIS.uri(), Duration.ofSeconds(1));
    final RawRedis raw = new RawRedis(REDIS.uri());
    final DeadLetters deadLetters = new DeadLetters(redis, KEYS);

    @AfterEach
    void close() {
        redis.close();
        raw.close();
    }

    @Test
    void theNewestComeFirstWithWhoGaveUpAfterHowManyAttemptsAndWhy() {
        for (int n = 1; n <= 3; n++) {
            String id = "1764936000000-" + n;
            Map<String, String> fields = Map.of("id", "m-" + n, "payload", "{}", "createdAt", "1", "error",
                    "no such sku " + n, "attempts", Integer.toString(n + 2), "group", "shipping", "entry", "1-" + n);
            raw.call(r -> r.xadd(KEYS.of("orders.dlq"), new XAddArgs().id(id), fields));
        }

        assertEquals(3, deadLetters.count("orders"));
        assertEquals(List.of(new DeadLetter("orders", "shipping", "m-3", 5, "no such sku 3", 1_764_936_000_000L),
                        new DeadLetter("orders", "shipping", "m-2", 4, "no such sku 2", 1_764_936_000_000L)),
                deadLetters.newest("orders", 2));
    }

    @Test
    void aStreamThatNeverDeadLetteredHasNone() {
        assertEquals(0, deadLetters.count("quiet"));
        assertEquals(List.of(), deadLetters.newest("quiet", 20));
    }
}
