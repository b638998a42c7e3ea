package dev.weft.runtime.config;

import java.time.Duration;

/**
 * How selectors that match nothing are reported (docs/configuration.md, "When a selector matches nothing").
 *
 * @param onUnmatched {@code onUnmatched:}
 * @param warnAfter   {@code warnUnmatchedAfter:}: how long after start-up the warning comes, since classes outside
 *                    the start-up class path (a fat jar's, a web application's) load when the application gets to them
 */
public record UnmatchedSettings(OnUnmatched onUnmatched, Duration warnAfter) {
    public static final Duration DEFAULT_WARN_AFTER = Duration.ofSeconds(60);

    public static UnmatchedSettings defaults() {
        return new UnmatchedSettings(OnUnmatched.WARN, DEFAULT_WARN_AFTER);
    }
}
