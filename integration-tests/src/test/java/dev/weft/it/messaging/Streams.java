package dev.weft.it.messaging;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.function.ToLongFunction;

/** What the tests read of Weft's streams in Redis, with a client of their own. */
final class Streams {
    private Streams() {
    }

    /** The entries in {@code weft:stream:{<stream>}}, the stream of a {@code messages.publish} rule. */
    static long length(String redisUri, String stream) {
        return ask(redisUri, redis -> redis.xlen(key(stream)));
    }

    /** The entries of {@code stream} that {@code group} was given and has not acknowledged. */
    static long pending(String redisUri, String stream, String group) {
        return ask(redisUri, redis -> redis.xpending(key(stream), group).getCount());
    }

    private static String key(String stream) {
        return "weft:stream:{" + stream + "}";
    }

    private static long ask(String redisUri, ToLongFunction<RedisCommands<String, String>> question) {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return question.applyAsLong(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
