package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code INFO commandstats} of a redis-server: calls by command name. Redis counts the
 * commands a Lua script runs as well as the {@code EVALSHA} that ran it.
 */
public final class RedisCommandStats {
    private static final Pattern LINE = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),.*$", Pattern.MULTILINE);

    private RedisCommandStats() {
    }

    public static Map<String, Long> read(int port) {
        try (RedisSocket redis = RedisSocket.send(port, "INFO", "commandstats")) {
            Map<String, Long> calls = new TreeMap<>();
            Matcher line = LINE.matcher(redis.bulkString());
            while (line.find()) {
                calls.put(line.group(1), Long.parseLong(line.group(2)));
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException("INFO commandstats on port " + port, e);
        }
    }

    /** {@code after - before} for every command, leaving out the {@code INFO} calls that read them. */
    public static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((command, calls) -> {
            long added = calls - before.getOrDefault(command, 0L);
            if (added > 0 && !command.equals("info")) {
                difference.put(command, added);
            }
        });
        return difference;
    }
}
