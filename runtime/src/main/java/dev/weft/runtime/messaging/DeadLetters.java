package dev.weft.runtime.messaging;

import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.Map;

/** Reads the dead-letter streams for operators; never changes them. */
final class DeadLetters {
    private final RedisEndpoint redis;
    private final StreamKeys keys;

    DeadLetters(RedisEndpoint redis, StreamKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** How many messages of {@code stream} wait in its dead-letter stream. */
    long count(String stream) {
        String deadLetters = StreamKeys.deadLetters(stream);
        return redis.call("count the entries of stream " + deadLetters, r -> r.xlen(keys.of(deadLetters)));
    }

    /** The last {@code limit} messages of {@code stream} that were dead-lettered, newest first. */
    List<DeadLetter> newest(String stream, int limit) {
        String deadLetters = StreamKeys.deadLetters(stream);
        List<StreamMessage<String, String>> entries = redis.call("read stream " + deadLetters,
                r -> r.xrevrange(keys.of(deadLetters), Range.unbounded(), Limit.from(limit)));
        return entries.stream().map(entry -> deadLetter(stream, entry)).toList();
    }

    private static DeadLetter deadLetter(String stream, StreamMessage<String, String> entry) {
        Map<String, String> fields = entry.getBody();
        return new DeadLetter(stream, fields.getOrDefault(StreamFields.GROUP, "?"),
                fields.getOrDefault(StreamFields.ID, "?"), Long.parseLong(fields.getOrDefault(StreamFields.ATTEMPTS, "0")),
                fields.getOrDefault(StreamFields.ERROR, ""), millisOf(entry.getId()));
    }

    /** A stream entry id is {@code <milliseconds>-<sequence>}. */
    private static long millisOf(String entryId) {
        return Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
    }
}
