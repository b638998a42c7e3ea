package dev.weft.runtime.config;

import dev.weft.runtime.log.Log;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded and validated config file.
 *
 * @param source the file it was read from, or null when there is none
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
        UnmatchedSettings unmatched) {
    public static final Log.Level DEFAULT_LOG_LEVEL = Log.Level.INFO;

    public WeftConfig {
        locks = List.copyOf(locks);
    }

    /** What applies when there is no config file: every default, nothing to weave. */
    public static WeftConfig empty(Path source) {
        return new WeftConfig(source, OnConfigError.HALT, DEFAULT_LOG_LEVEL, RedisSettings.defaults(), List.of(),
                TransactionSettings.defaults(), JdbcSettings.defaults(), true, UnmatchedSettings.defaults());
    }
}
