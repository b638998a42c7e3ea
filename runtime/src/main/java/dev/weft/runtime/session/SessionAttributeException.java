package dev.weft.runtime.session;

/**
 * A session attribute that the configured serializer cannot write or read back: the message names the attribute,
 * the class and the {@code sessions:} key to change. Never the value: session data stays out of logs.
 */
public final class SessionAttributeException extends IllegalArgumentException {
    SessionAttributeException(String message, Throwable cause) {
        super(message, cause);
    }
}
