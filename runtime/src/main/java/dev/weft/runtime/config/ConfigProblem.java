package dev.weft.runtime.config;

/**
 * One thing wrong with the configuration.
 *
 * @param position where in the file, or null when the problem is not inside a file (for example a config file that
 *                 an agent argument names but that does not exist)
 * @param message  what is wrong and what to do about it
 */
public record ConfigProblem(SourcePosition position, String message) {
    private static final String PREFIX = "weft: config error: ";

    /** The line printed for the user: {@code weft: config error: <file>:<line>:<column>: <message>}. */
    public String format() {
        return position == null ? PREFIX + message : PREFIX + position + ": " + message;
    }
}
