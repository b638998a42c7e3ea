package dev.weft.runtime.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code redis:} section.
 *
 * @param uri       Lettuce URI of the single Redis ({@code mode: single})
 * @param nodes     independent masters for {@code mode: redlock}; empty when not configured
 * @param timeout   per command, and for connecting
 * @param keyPrefix prepended to every key Weft writes (default {@code "weft:"})
 */
public record RedisSettings(String uri, List<String> nodes, Duration timeout, String keyPrefix) {
    public static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final String DEFAULT_KEY_PREFIX = "weft:";

    public RedisSettings {
        nodes = List.copyOf(nodes);
    }

    /** No {@code redis:} section: one local Redis on the default port. */
    public static RedisSettings defaults() {
        return new RedisSettings(DEFAULT_URI, List.of(), DEFAULT_TIMEOUT, DEFAULT_KEY_PREFIX);
    }
}
