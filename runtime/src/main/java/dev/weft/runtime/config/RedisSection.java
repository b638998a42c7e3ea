package dev.weft.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code redis:}. */
final class RedisSection {
    static final List<String> KEYS = List.of("uri", "nodes", "timeout", "keyPrefix");

    private RedisSection() {
    }

    static RedisSettings read(Optional<Fields> section, TreeReader reader) {
        if (section.isEmpty()) {
            return RedisSettings.defaults();
        }
        Fields redis = section.get();
        String uri = redis.optional("uri", RedisSettings.DEFAULT_URI, ValueParsers.redisUri());
        List<String> nodes = redis.items("nodes").stream()
                .flatMap(node -> reader.value(node, "nodes", ValueParsers.redisUri()).stream())
                .toList();
        Duration timeout = redis.optional("timeout", RedisSettings.DEFAULT_TIMEOUT, ValueParsers.positiveDuration());
        String keyPrefix = redis.optional("keyPrefix", RedisSettings.DEFAULT_KEY_PREFIX, ValueParsers.text());
        return new RedisSettings(uri, nodes, timeout, keyPrefix);
    }
}
