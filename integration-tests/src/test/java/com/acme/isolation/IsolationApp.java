package com.acme.isolation;

import com.acme.support.Handshake;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.netty.util.Version;
import java.util.Map;
import java.util.TreeSet;

/**
 * An application with its own Jackson 2.12 and Lettuce 6 (on Netty 4.1), older than the agent's copies.
 *
 * <p>Usage: {@code IsolationApp <redis key>}, with {@code REDIS_URI} set. Prints {@code jackson=}, {@code netty=}
 * (every Netty artifact version it sees), {@code json=}, {@code redis=} (a SET then GET through its own Lettuce)
 * and {@code locked=}: what the locked method {@link #record} returned, and whether it saw the given key in Redis
 * while it ran.
 */
public final class IsolationApp {
    private final RedisCommands<String, String> redis;
    private final String lockKey;

    private IsolationApp(RedisCommands<String, String> redis, String lockKey) {
        this.redis = redis;
        this.lockKey = lockKey;
    }

    public static void main(String[] args) throws Exception {
        Handshake.tell("jackson=" + PackageVersion.VERSION);
        TreeSet<String> netty = new TreeSet<>();
        Version.identify().values().forEach(v -> netty.add(v.artifactVersion()));
        Handshake.tell("netty=" + String.join(",", netty));
        Handshake.tell("json=" + new ObjectMapper().writeValueAsString(Map.of("app", "isolation")));

        RedisClient client = RedisClient.create(System.getenv("REDIS_URI"));
        try {
            RedisCommands<String, String> redis = client.connect().sync();
            redis.set("isolation:app", "own-lettuce");
            Handshake.tell("redis=" + redis.get("isolation:app"));
            Handshake.tell("locked=" + new IsolationApp(redis, args[0]).record("entry1"));
        } finally {
            client.shutdown();
        }
    }

    public String record(String entry) {
        return "recorded " + entry + ", " + lockKey + " held: " + (redis.exists(lockKey) == 1);
    }
}
