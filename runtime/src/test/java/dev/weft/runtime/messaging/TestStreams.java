package dev.weft.runtime.messaging;

import dev.weft.runtime.redis.RawRedis;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Messages and looks into Redis for the stream tests. */
final class TestStreams {
    static final StreamKeys KEYS = new StreamKeys("test:");
    static final Duration GENEROUS = Duration.ofSeconds(20);

    private TestStreams() {
    }

    /** {@code count} messages {@code <prefix>0}, {@code <prefix>1}, ... for {@code stream}. */
    static List<Message> messages(String stream, String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> new Message(stream, prefix + n, "{\"n\":" + n + "}", 1_700_000_000_000L + n))
                .toList();
    }

    /** The group's unacknowledged entries, every consumer together. */
    static long pending(RawRedis raw, String stream, String group) {
        return raw.call(r -> r.xpending(KEYS.of(stream), group)).getCount();
    }

    /** The fields of the entries in the dead-letter stream of {@code stream}. */
    static List<Map<String, String>> deadLetters(RawRedis raw, String stream) {
        return raw.call(r -> r.xrange(KEYS.of(StreamKeys.deadLetters(stream)), Range.create("-", "+"))).stream()
                .map(StreamMessage::getBody)
                .toList();
    }

    static long length(RawRedis raw, String stream) {
        return raw.call(r -> r.xlen(KEYS.of(stream)));
    }
}
