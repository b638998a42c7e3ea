package dev.weft.api;

/**
 * The configuration for this method cannot be honoured (found when its class was loaded, too late to stop the JVM).
 * The method never runs unprotected: every call fails with this exception until the config is fixed.
 */
public class WeftConfigException extends WeftException {
    private static final long serialVersionUID = 1L;

    public WeftConfigException(String message) {
        super(message);
    }
}
