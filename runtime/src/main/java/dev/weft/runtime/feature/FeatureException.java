package dev.weft.runtime.feature;

/**
 * A configured feature cannot run safely, so the application must not run with it half there: before {@code main} the
 * JVM stops with {@link #exitStatus()}; attached to a running JVM, nothing is woven.
 */
public final class FeatureException extends RuntimeException {
    private final int exitStatus;
    private final String stopped;

    /**
     * @param exitStatus a sysexits.h status, e.g. 73 (EX_CANTCREAT) for a transaction log that cannot be opened
     * @param stopped    why the application was stopped, for the last line before the exit
     */
    public FeatureException(String message, Throwable cause, int exitStatus, String stopped) {
        super(message, cause);
        this.exitStatus = exitStatus;
        this.stopped = stopped;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public String stopped() {
        return stopped;
    }
}
