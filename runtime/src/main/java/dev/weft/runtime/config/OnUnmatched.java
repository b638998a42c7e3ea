package dev.weft.runtime.config;

/**
 * What the agent does about a selector that names a class absent from the start-up class path, or a method that
 * class does not have ({@code onUnmatched:} at the top level; docs/configuration.md, "When a selector matches
 * nothing").
 */
public enum OnUnmatched {
    /** Run; warn once, at {@code warnUnmatchedAfter} or at exit, about every selector that has matched nothing. */
    WARN,
    /** Treat it as a config error: exit status 78 before {@code main}. */
    HALT
}
