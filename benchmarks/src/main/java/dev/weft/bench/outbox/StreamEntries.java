package dev.weft.bench.outbox;

import dev.weft.bench.RedisSocket;
import dev.weft.bench.load.Histogram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What a stream got in a window of time, read by scripts on the server: entry ids are {@code <milliseconds>-<n>},
 * Redis's own clock when it took the {@code XADD}, so a range of ids is a range of time, to the millisecond.
 */
final class StreamEntries {
    private static final String COUNT = "return #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[2])";
    /** Per entry, microseconds from the order's placing (in its JSON payload) to the entry's id. */
    private static final String TO_STREAM = """
            local lags = {}
            for _, entry in ipairs(redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[2])) do
              local fields = entry[2]
              for i = 1, #fields, 2 do
                if fields[i] == 'payload' then
                  local added = tonumber(string.match(entry[1], '^(%d+)')) * 1000
                  lags[#lags + 1] = added - cjson.decode(fields[i + 1]).placedAtMicros
                end
              end
            end
            return lags""";

    private StreamEntries() {
    }

    /** Entries added to {@code key} from {@code from} (inclusive) to {@code to} (exclusive). */
    static long between(int port, String key, Instant from, Instant to) {
        try (RedisSocket redis = script(port, COUNT, key, from, to)) {
            return integer(redis.line());
        } catch (IOException e) {
            throw new UncheckedIOException("counting the entries of " + key + " on port " + port, e);
        }
    }

    /**
     * For the entries added in the window, the time from placing the order to Redis taking its {@code XADD}, in
     * nanoseconds, to the millisecond (an id's resolution): commit to stream, the relay's part of the lag.
     */
    static Histogram toStream(int port, String key, Instant from, Instant to) {
        try (RedisSocket redis = script(port, TO_STREAM, key, from, to)) {
            String header = redis.line();
            if (!header.startsWith("*")) {
                throw new IOException(header);
            }
            Histogram lag = new Histogram();
            for (long n = Long.parseLong(header.substring(1)); n > 0; n--) {
                lag.record(integer(redis.line()) * 1_000);
            }
            return lag;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the entries of " + key + " on port " + port, e);
        }
    }

    private static RedisSocket script(int port, String script, String key, Instant from, Instant to)
            throws IOException {
        return RedisSocket.send(port, "EVAL", script, "1", key, Long.toString(from.toEpochMilli()),
                "(" + to.toEpochMilli());
    }

    private static long integer(String reply) throws IOException {
        if (!reply.startsWith(":")) {
            throw new IOException(reply);
        }
        return Long.parseLong(reply.substring(1));
    }
}
