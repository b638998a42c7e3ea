package dev.weft.runtime.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The notification call running on this thread, for the {@code Weft-Idempotency-Key} header of the HTTP requests it
 * sends; and the retry about to enter its method, so that the method's site knows the call is already recorded.
 */
public final class CurrentCall {
    private static final ThreadLocal<Deque<String>> IDS = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<Claim> RETRYING = new ThreadLocal<>();

    private CurrentCall() {
    }

    /** The id of the innermost notification call on this thread, if any. */
    public static Optional<String> id() {
        return Optional.ofNullable(IDS.get().peek());
    }

    static void enter(String id) {
        IDS.get().push(id);
    }

    static void exit() {
        IDS.get().pop();
    }

    /** Set by a retry just before it calls the method reflectively. */
    static void retrying(Claim claim) {
        RETRYING.set(claim);
    }

    /** The retry whose call is entering now, taken so that calls the method makes in turn are calls of their own. */
    static Optional<Claim> takeRetry() {
        Claim claim = RETRYING.get();
        RETRYING.remove();
        return Optional.ofNullable(claim);
    }
}
