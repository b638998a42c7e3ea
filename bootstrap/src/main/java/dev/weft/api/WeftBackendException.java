package dev.weft.api;

/** Redis (or the transaction log) could not be reached or answered with an error; the protected method did not run. */
public class WeftBackendException extends WeftException {
    private static final long serialVersionUID = 1L;

    public WeftBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
