package dev.weft.bench.outbox;

import dev.weft.bench.RedisSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * How many entries a stream got in a window of time: entry ids are {@code <milliseconds>-<n>}, Redis's own clock when
 * it took the {@code XADD}, so a range of ids is a range of time. Counted by a script on the server.
 */
final class StreamEntries {
    private static final String COUNT = "return #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[2])";

    private StreamEntries() {
    }

    /** Entries added to {@code key} from {@code from} (inclusive) to {@code to} (exclusive), to the millisecond. */
    static long between(int port, String key, Instant from, Instant to) {
        try (RedisSocket redis = RedisSocket.send(port, "EVAL", COUNT, "1", key, Long.toString(from.toEpochMilli()),
                "(" + to.toEpochMilli())) {
            String reply = redis.line();
            if (!reply.startsWith(":")) {
                throw new IOException(reply);
            }
            return Long.parseLong(reply.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException("counting the entries of " + key + " on port " + port, e);
        }
    }
}
