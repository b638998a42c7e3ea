package dev.weft.runtime.log;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Weft's own log: lines on standard error prefixed {@code [weft]}. Deliberately not a logging framework, so the
 * agent never touches the application's logging set-up (SPEC section 2).
 */
public final class Log {
    public enum Level { ERROR, WARN, INFO, DEBUG }

    private static volatile Level threshold = Level.INFO;
    private static final PrintStream STANDARD_ERROR = System.err;
    private static volatile PrintStream out = STANDARD_ERROR;

    private Log() {
    }

    public static void setLevel(Level level) {
        threshold = level;
    }

    /**
     * Where the lines go from now on; null for standard error again. Only for tests, which capture the errors they
     * provoke on purpose and assert them, instead of printing them into the build's output as if something broke.
     */
    static void sendTo(PrintStream target) {
        out = target == null ? STANDARD_ERROR : target;
    }

    /** Parses {@code error|warn|info|debug}; returns null for anything else. */
    public static Level parseLevel(String text) {
        try {
            return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean isEnabled(Level level) {
        return level.ordinal() <= threshold.ordinal();
    }

    public static void error(String message) {
        log(Level.ERROR, message, null);
    }

    public static void error(String message, Throwable cause) {
        log(Level.ERROR, message, cause);
    }

    public static void warn(String message) {
        log(Level.WARN, message, null);
    }

    public static void info(String message) {
        log(Level.INFO, message, null);
    }

    public static void debug(String message) {
        log(Level.DEBUG, message, null);
    }

    private static void log(Level level, String message, Throwable cause) {
        if (!isEnabled(level)) {
            return;
        }
        String line = "[weft] " + level.name().toLowerCase(Locale.ROOT) + ": " + message
                + (cause == null ? "" : " (" + cause + ")");
        PrintStream target = out;
        synchronized (target) {
            target.println(line);
            if (cause != null && isEnabled(Level.DEBUG)) {
                cause.printStackTrace(target);
            }
        }
    }
}
