package dev.weft.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code redis:} section.
 *
 * @param uri       Lettuce URI of the single Redis ({@code mode: single}): {@code redis://}, {@code rediss://} (TLS),
 *                  {@code redis-sentinel://} (the master a Sentinel group names); ignored when {@code cluster} is set
 * @param nodes     independent masters for {@code mode: redlock}; empty when not configured
 * @param timeout   per command, and for connecting
 * @param keyPrefix prepended to every key Weft writes (default {@code "weft:"})
 * @param cluster   Redis Cluster seed nodes; empty when Redis is not a cluster
 * @param tls       trust and key stores for {@code rediss://}; empty for the JVM's defaults
 */
public record RedisSettings(String uri, List<String> nodes, Duration timeout, String keyPrefix, List<String> cluster,
                            Optional<RedisTls> tls) {
    public static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final String DEFAULT_KEY_PREFIX = "weft:";

    public RedisSettings {
        nodes = List.copyOf(nodes);
        cluster = List.copyOf(cluster);
    }

    /** One Redis (standalone or Sentinel), no cluster, the JVM's TLS defaults. */
    public RedisSettings(String uri, List<String> nodes, Duration timeout, String keyPrefix) {
        this(uri, nodes, timeout, keyPrefix, List.of(), Optional.empty());
    }

    /** No {@code redis:} section: one local Redis on the default port. */
    public static RedisSettings defaults() {
        return new RedisSettings(DEFAULT_URI, List.of(), DEFAULT_TIMEOUT, DEFAULT_KEY_PREFIX);
    }

    public boolean isCluster() {
        return !cluster.isEmpty();
    }
}
