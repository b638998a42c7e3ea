package dev.weft.api;

/** The lock key could not be rendered from the arguments (for example a {@code null} on the property path). */
public class LockKeyException extends WeftException {
    private static final long serialVersionUID = 1L;

    public LockKeyException(String message) {
        super(message);
    }
}
