package dev.weft.runtime.config;

/** What the agent does when the config file has problems ({@code onConfigError:} at the top level). */
public enum OnConfigError {
    /** Print every problem and halt the JVM (exit status 78) before {@code main} runs. */
    HALT,
    /** Print every problem and run the application with nothing woven. */
    WARN
}
