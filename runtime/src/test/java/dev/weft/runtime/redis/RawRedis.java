package dev.weft.runtime.redis;

import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Plain Redis commands for tests, to look behind the lock's back. */
public final class RawRedis implements AutoCloseable {
    private final RedisEndpoint endpoint;

    public RawRedis(String uri) {
        endpoint = new RedisEndpoint(uri, Duration.ofSeconds(10));
    }

    public <T> T call(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return endpoint.call("run a test command", command);
    }

    public String get(String key) {
        return call(redis -> redis.get(key));
    }

    /** The owner of the lock at {@code lockKey} (a hash), or null when it is free. */
    public String owner(String lockKey) {
        return call(redis -> redis.hget(lockKey, "o"));
    }

    /** Makes {@code owner} hold the lock at {@code lockKey} for {@code lease}, behind Weft's back. */
    public void hold(String lockKey, String owner, Duration lease) {
        call(redis -> redis.hset(lockKey, "o", owner));
        call(redis -> redis.pexpire(lockKey, lease));
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

    /** Channels matching {@code pattern} that some client listens on. */
    public int channels(String pattern) {
        return call(redis -> redis.pubsubChannels(pattern)).size();
    }

    public long llen(String key) {
        return call(redis -> redis.llen(key));
    }

    public void resetStats() {
        call(RedisClusterAsyncCommands::configResetstat);
    }

    /** Script runs (EVALSHA and EVAL) since {@link #resetStats()}; an EVALSHA answered NOSCRIPT ran nothing. */
    public long scriptRuns() {
        return commandCalls("evalsha", "calls=") - commandCalls("evalsha", "failed_calls=")
                + commandCalls("eval", "calls=");
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

    private long commandCalls(String command, String field) {
        for (String line : call(redis -> redis.info("commandstats")).split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return count(line, field);
            }
        }
        return 0;
    }

    private static long calls(String statLine) {
        return count(statLine, "calls=");
    }

    private static long count(String statLine, String name) {
        String fields = statLine.substring(statLine.indexOf(':') + 1);
        for (String field : fields.split(",")) {
            if (field.startsWith(name)) {
                return Long.parseLong(field.substring(name.length()));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
