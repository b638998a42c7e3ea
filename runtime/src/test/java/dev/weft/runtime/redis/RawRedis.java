package dev.weft.runtime.redis;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Plain Redis commands for tests, to look behind the lock's back. */
public final class RawRedis implements AutoCloseable {
    private final RedisEndpoint endpoint;

    public RawRedis(String uri) {
        endpoint = new RedisEndpoint(uri, Duration.ofSeconds(10));
    }

    public <T> T call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
        return endpoint.call("run a test command", command);
    }

    public String get(String key) {
        return call(redis -> redis.get(key));
    }

    public long pttl(String key) {
        return call(redis -> redis.pttl(key));
    }

    public void set(String key, String value, Duration expiry) {
        call(redis -> redis.set(key, value, SetArgs.Builder.px(expiry)));
    }

    public void del(String key) {
        call(redis -> redis.del(key));
    }

    /** Subscribers of {@code channel}, over all clients. */
    public long subscribers(String channel) {
        Map<String, Long> counts = call(redis -> redis.pubsubNumsub(channel));
        return counts.getOrDefault(channel, 0L);
    }

    public void resetStats() {
        call(RedisAsyncCommands::configResetstat);
    }

    /** Script runs (EVALSHA and EVAL) since {@link #resetStats()}. */
    public long scriptRuns() {
        return commandCalls("evalsha") + commandCalls("eval");
    }

    /** Every command since {@link #resetStats()}, except the INFO and CONFIG calls made to look. */
    public long commandsRun() {
        long total = 0;
        for (String line : call(redis -> redis.info("commandstats")).split("\r?\n")) {
            if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:") && !line.startsWith("cmdstat_config")) {
                total += calls(line);
            }
        }
        return total;
    }

    public String stats() {
        return call(redis -> redis.info("commandstats"));
    }

    private long commandCalls(String command) {
        for (String line : call(redis -> redis.info("commandstats")).split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return calls(line);
            }
        }
        return 0;
    }

    private static long calls(String statLine) {
        String fields = statLine.substring(statLine.indexOf(':') + 1);
        for (String field : fields.split(",")) {
            if (field.startsWith("calls=")) {
                return Long.parseLong(field.substring("calls=".length()));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
