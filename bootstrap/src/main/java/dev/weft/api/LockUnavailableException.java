package dev.weft.api;

/** The lock was held by someone else for the whole configured {@code wait}, and {@code onBusy} is {@code throw}. */
public class LockUnavailableException extends WeftException {
    private static final long serialVersionUID = 1L;

    public LockUnavailableException(String message) {
        super(message);
    }
}
