package dev.weft.runtime.session;

import dev.weft.api.WeftBackendException;

/**
 * Redis, which keeps the sessions, could not be reached or failed: the request fails (503 where the response is not
 * committed yet) rather than go on with an empty session, which would log the user out or lose a cart silently.
 */
final class SessionsUnavailableException extends WeftBackendException {
    private static final long serialVersionUID = 1L;

    SessionsUnavailableException(WeftBackendException cause) {
        super("weft: sessions are unavailable, so this request fails rather than use an empty session: "
                + cause.getMessage(), cause);
    }

    /** The first such failure in {@code thrown}'s causes, or null. */
    static SessionsUnavailableException in(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof SessionsUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
