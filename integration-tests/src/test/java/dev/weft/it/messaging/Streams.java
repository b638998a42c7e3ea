package dev.weft.it.messaging;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** What the tests read of Weft's streams in Redis, with a client of their own. */
final class Streams {
    private Streams() {
    }

    /** The entries in {@code weft:stream:{<stream>}}, the stream of a {@code messages.publish} rule. */
    static long length(String redisUri, String stream) {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().xlen("weft:stream:{" + stream + "}");
        } finally {
            client.shutdown();
        }
    }

    /** The entries of {@code stream} that {@code group} was given and has not acknowledged. */
    static long pending(String redisUri, String stream, String group) {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().xpending("weft:stream:{" + stream + "}", group).getCount();
        } finally {
            client.shutdown();
        }
    }
}
