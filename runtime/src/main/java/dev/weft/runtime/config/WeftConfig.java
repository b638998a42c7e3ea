package dev.weft.runtime.config;

import dev.weft.runtime.log.Log;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded and validated config file.
 *
 * @param source   the file it was read from, or null when there is none
 * @param sections the features' own sections ({@link ConfigSection}), by key
 */
public record WeftConfig(
        Path source,
        OnConfigError onConfigError,
        Log.Level logLevel,
        RedisSettings redis,
        List<LockRule> locks,
        TransactionSettings transactions,
        JdbcSettings jdbc,
        boolean jmxEnabled,
        UnmatchedSettings unmatched,
        Map<String, Object> sections) {
    public static final Log.Level DEFAULT_LOG_LEVEL = Log.Level.INFO;

    public WeftConfig {
        locks = List.copyOf(locks);
        sections = Map.copyOf(sections);
    }

    /** With the built-in sections only. */
    public WeftConfig(Path source, OnConfigError onConfigError, Log.Level logLevel, RedisSettings redis,
                      List<LockRule> locks, TransactionSettings transactions, JdbcSettings jdbc, boolean jmxEnabled,
                      UnmatchedSettings unmatched) {
        this(source, onConfigError, logLevel, redis, locks, transactions, jdbc, jmxEnabled, unmatched, Map.of());
    }

    /** A feature's section as read, or its defaults when the file does not have it. */
    @SuppressWarnings("unchecked") // the loader stored under this key what section.read returned
    public <T> T section(ConfigSection<T> section) {
        Object read = sections.get(section.key());
        return read == null ? section.defaults() : (T) read;
    }

    /** What applies when there is no config file: every default, nothing to weave. */
    public static WeftConfig empty(Path source) {
        return new WeftConfig(source, OnConfigError.HALT, DEFAULT_LOG_LEVEL, RedisSettings.defaults(), List.of(),
                TransactionSettings.defaults(), JdbcSettings.defaults(), true, UnmatchedSettings.defaults());
    }
}
