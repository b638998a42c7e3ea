package dev.weft.runtime.redis;

import java.util.List;

/**
 * The least a Redis ACL user needs to give Weft (docs/redis.md, "Least privilege"): its keys and channels, all under
 * {@code redis.keyPrefix}, and exactly the commands it sends, those its scripts run included (Redis checks each).
 */
public final class RedisAcl {
    /** Connecting: Lettuce's handshake. */
    static final List<String> CONNECTION = List.of("hello", "auth", "ping");
    /** What Weft sends itself, besides its scripts; {@code wait} for {@code locks[].replicas}. */
    static final List<String> DIRECT = List.of("eval", "evalsha", "hget", "hgetall", "hlen", "zcard", "publish",
            "subscribe", "unsubscribe", "xadd", "xack", "xautoclaim", "xclaim", "xgroup|create", "xlen", "xpending",
            "xreadgroup", "xrevrange", "wait");
    /** What the Lua scripts of locks, the transaction log, prepared messages and notifications run. */
    static final List<String> IN_SCRIPTS = List.of("del", "exists", "hdel", "hexists", "hincrby", "hmget", "hset",
            "lindex", "lpop", "lrange", "lrem", "lset", "pexpire", "pttl", "rpush", "sadd", "smembers", "srem", "time",
            "zadd", "zrange", "zrangebyscore", "zrem", "zscore");
    /** Redis Cluster: Lettuce reads the slot map (CLUSTER NODES) and each node's client count (INFO). */
    static final List<String> CLUSTER = List.of("cluster|nodes", "info");

    private RedisAcl() {
    }

    /**
     * The rule after {@code ACL SETUSER <name> on ><password>}, e.g. for key prefix {@code weft:}:
     * {@code resetkeys ~weft:* resetchannels &weft:* -@all +hello ...}.
     */
    public static String rule(String keyPrefix, boolean cluster) {
        StringBuilder rule = new StringBuilder("resetkeys ~").append(keyPrefix).append("* resetchannels &")
                .append(keyPrefix).append("* -@all");
        for (List<String> commands : cluster ? List.of(CONNECTION, DIRECT, IN_SCRIPTS, CLUSTER)
                : List.of(CONNECTION, DIRECT, IN_SCRIPTS)) {
            commands.forEach(command -> rule.append(" +").append(command));
        }
        return rule.toString();
    }
}
