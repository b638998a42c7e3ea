package dev.weft.bench.session;

import dev.weft.bench.RedisCommandStats;
import dev.weft.bench.RedisSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a line asked of Redis per request, from {@link RedisCommandStats} before and after it. Redis counts the commands
 * a Lua script runs as well as the {@code EVAL}/{@code EVALSHA} that ran it, so with scripts the other commands are
 * their insides, not round trips.
 */
final class RedisCommands {
    /** A client's connection set-up (handshake, name, database): not a request's, and made once per connection. */
    private static final Pattern CONNECTION = Pattern.compile("^(hello|client|auth|select|command|ping)(\\|.*)?$");

    private RedisCommands() {
    }

    /** The number of keys matching {@code pattern} (a benchmark's few hundred at most: KEYS is fine here). */
    static long keys(int port, String pattern) {
        try (RedisSocket redis = RedisSocket.send(port, "EVAL", "return #redis.call('KEYS', ARGV[1])", "0",
                pattern)) {
            return Long.parseLong(redis.line().substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException("KEYS " + pattern + " on port " + port, e);
        }
    }

    /**
     * {@code after - before} per request, as {@code evalsha 2.00, ...}, leaving out the {@code INFO} calls that read
     * them and the clients' connection set-up; scripts first, then the rest in parentheses when there are scripts.
     */
    static String perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Long> added = new TreeMap<>(RedisCommandStats.difference(before, after));
        added.keySet().removeIf(command -> CONNECTION.matcher(command).matches());
        if (added.isEmpty()) {
            return "none";
        }
        Map<Boolean, String> byKind = added.entrySet().stream().collect(Collectors.partitioningBy(
                entry -> entry.getKey().startsWith("eval") || entry.getKey().startsWith("fcall"),
                Collectors.mapping(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(),
                        (double) entry.getValue() / requests), Collectors.joining(", "))));
        String scripts = byKind.get(true);
        String others = byKind.get(false);
        if (scripts.isEmpty()) {
            return others;
        }
        return others.isEmpty() ? scripts : scripts + " (inside: " + others + ")";
    }
}
