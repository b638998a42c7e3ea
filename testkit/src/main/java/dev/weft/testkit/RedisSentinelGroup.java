package dev.weft.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A master, one replica and three Sentinels ({@code redis-server --sentinel}) watching them as {@link #MASTER_NAME}
 * with a quorum of 2, all on loopback; returned once every Sentinel knows the replica and the two other Sentinels, so
 * that killing the master leads to a failover. Sentinel declares the master down after
 * {@link #DOWN_AFTER} without an answer.
 */
public final class RedisSentinelGroup implements AutoCloseable {
    public static final String MASTER_NAME = "mymaster";
    public static final Duration DOWN_AFTER = Duration.ofSeconds(1);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(3);
    private static final int SENTINELS = 3;
    private static final Duration FORMING_TIMEOUT = Duration.ofSeconds(30);

    private final RedisWithReplica data;
    private final List<RedisServer> sentinels = new ArrayList<>();

    private RedisSentinelGroup(RedisWithReplica data) {
        this.data = data;
    }

    public static RedisSentinelGroup start() {
        RedisSentinelGroup group = new RedisSentinelGroup(RedisWithReplica.start());
        try {
            group.watch();
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private void watch() {
        String config = "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + data.master().port() + " 2\n"
                + "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis() + "\n"
                + "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT.toMillis() + "\n";
        for (int i = 0; i < SENTINELS; i++) {
            sentinels.add(RedisServer.startSentinel(config));
        }
        Conditions.await("Sentinel group where each knows the replica and the " + (SENTINELS - 1) + " others",
                FORMING_TIMEOUT, () -> sentinels.stream().allMatch(sentinel -> "1".equals(field(sentinel, "num-slaves"))
                        && String.valueOf(SENTINELS - 1).equals(field(sentinel, "num-other-sentinels"))),
                this::state);
    }

    /** {@code redis-sentinel://} with every Sentinel, naming {@link #MASTER_NAME}: what redis.uri is given. */
    public String uri() {
        return "redis-sentinel://" + sentinels.stream().map(sentinel -> "127.0.0.1:" + sentinel.port())
                .collect(Collectors.joining(",")) + "#" + MASTER_NAME;
    }

    /** The master the group started with. */
    public RedisServer master() {
        return data.master();
    }

    /** The replica the group started with: the one Sentinel promotes when the master fails. */
    public RedisServer replica() {
        return data.replica();
    }

    /** The port of the master as the first Sentinel names it now. */
    public int currentMasterPort() {
        List<?> address = (List<?>) Resp.call(sentinels.get(0).port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME",
                MASTER_NAME);
        return Integer.parseInt(String.valueOf(address.get(1)));
    }

    /** One field of {@code SENTINEL MASTER} as {@code sentinel} reports it. */
    private static String field(RedisServer sentinel, String name) {
        List<?> fields = (List<?>) Resp.call(sentinel.port(), "SENTINEL", "MASTER", MASTER_NAME);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i))) {
                return String.valueOf(fields.get(i + 1));
            }
        }
        return null;
    }

    private String state() {
        return sentinels.stream().map(sentinel -> sentinel.port() + ": slaves " + field(sentinel, "num-slaves")
                + ", other sentinels " + field(sentinel, "num-other-sentinels")).collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServer::close);
        data.close();
    }
}
