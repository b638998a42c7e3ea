package dev.weft.runtime.redis;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.config.RedisTls;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one Redis is and how to reach it: a standalone server, the master a Sentinel group names, or a Redis Cluster
 * given by seed nodes; over TLS when the URIs say {@code rediss://} (or {@code redis-sentinel://} with {@code ssl}).
 */
public record RedisDeployment(Kind kind, List<String> uris, Optional<RedisTls> tls) {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@]*@");

    public enum Kind {
        STANDALONE, SENTINEL, CLUSTER;

        /** As {@code status} and JMX print it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RedisDeployment {
        uris = List.copyOf(uris);
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no Redis URI");
        }
    }

    /** One server or Sentinel group, by the URI's scheme; the JVM's TLS defaults. */
    public static RedisDeployment single(String uri) {
        return single(uri, Optional.empty());
    }

    /** What {@code redis:} describes for {@code mode: single}: {@code redis.cluster} if given, else {@code redis.uri}. */
    public static RedisDeployment of(RedisSettings settings) {
        return settings.isCluster()
                ? new RedisDeployment(Kind.CLUSTER, settings.cluster(), settings.tls())
                : single(settings.uri(), settings.tls());
    }

    /** One RedLock node of {@code redis.nodes}, with {@code redis.tls}. */
    public static RedisDeployment node(String uri, RedisSettings settings) {
        return single(uri, settings.tls());
    }

    private static RedisDeployment single(String uri, Optional<RedisTls> tls) {
        return new RedisDeployment(uri.startsWith("redis-sentinel") ? Kind.SENTINEL : Kind.STANDALONE, List.of(uri), tls);
    }

    /** Where Redis is, for messages: the URIs without user and password. */
    public String address() {
        List<String> shown = uris.stream().map(uri -> USER_INFO.matcher(uri).replaceFirst("")).toList();
        return kind == Kind.CLUSTER ? "cluster " + String.join(",", shown) : shown.get(0);
    }
}
