package dev.weft.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code redis:}. */
final class RedisSection {
    static final List<String> KEYS = List.of("uri", "cluster", "nodes", "tls", "timeout", "keyPrefix");
    static final List<String> TLS_KEYS = List.of("trustStore", "trustStorePassword", "keyStore", "keyStorePassword");

    private RedisSection() {
    }

    static RedisSettings read(Optional<Fields> section, TreeReader reader) {
        if (section.isEmpty()) {
            return RedisSettings.defaults();
        }
        Fields redis = section.get();
        String uri = redis.optional("uri", RedisSettings.DEFAULT_URI, ValueParsers.redisUri());
        List<String> nodes = uris(redis, "nodes", reader);
        List<String> cluster = uris(redis, "cluster", reader);
        if (!cluster.isEmpty() && redis.keyPosition("uri").isPresent()) {
            reader.problem(redis.keyPosition("cluster").orElse(redis.position()), "cluster: give either 'uri' (one"
                    + " Redis, or a Sentinel group) or 'cluster' (Redis Cluster seed nodes), not both");
        }
        Duration timeout = redis.optional("timeout", RedisSettings.DEFAULT_TIMEOUT, ValueParsers.positiveDuration());
        String keyPrefix = redis.optional("keyPrefix", RedisSettings.DEFAULT_KEY_PREFIX, ValueParsers.text());
        Optional<RedisTls> tls = redis.fields("tls", "in 'redis.tls'", TLS_KEYS).map(RedisSection::tls);
        return new RedisSettings(uri, nodes, timeout, keyPrefix, cluster, tls);
    }

    private static List<String> uris(Fields redis, String key, TreeReader reader) {
        return redis.items(key).stream()
                .flatMap(node -> reader.value(node, key, ValueParsers.redisUri()).stream())
                .toList();
    }

    private static RedisTls tls(Fields tls) {
        return new RedisTls(
                Optional.ofNullable(tls.optional("trustStore", null, Path::of)),
                tls.optional("trustStorePassword", "", ValueParsers.text()),
                Optional.ofNullable(tls.optional("keyStore", null, Path::of)),
                tls.optional("keyStorePassword", "", ValueParsers.text()));
    }
}
