package dev.weft.runtime.notification;

import java.util.List;
import java.util.Optional;

/**
 * Where recorded calls live until they succeed (docs/notifications.md, "Stores"). Every change is atomic, and every
 * outcome of an attempt is conditional on the attempt's token, so an instance whose hold ran out cannot undo what a
 * later attempt did.
 */
public interface NotificationStore extends AutoCloseable {
    /**
     * Records a call before its first attempt runs, held by {@code token}: if nothing settles it (its caller died), it
     * is due at {@code dueMillis}, and its next attempt holds it for {@code leaseMillis}.
     */
    void record(NotificationCall call, String token, long dueMillis, long leaseMillis);

    /**
     * The attempt holding {@code token} is still running on a live instance: the call stays held until
     * {@code dueMillis}. {@code false} when it no longer holds it.
     */
    boolean extend(String id, String token, long dueMillis);

    /** The attempt holding {@code token} succeeded: forget the call. {@code false} when it no longer held it. */
    boolean succeeded(String id, String token);

    /** The attempt holding {@code token} failed: due again at {@code dueMillis}, its next attempt held for {@code leaseMillis}. */
    boolean retryAt(String id, String token, long dueMillis, long leaseMillis, String error);

    /** The attempt holding {@code token} was the last: the call becomes a dead letter. */
    boolean deadLetter(String id, String token, int attempts, long nowMillis, String error);

    /** Up to {@code count} calls due at {@code nowMillis}, each held for its lease by a new token. */
    List<Claim> claimDue(long nowMillis, int count);

    /** A recorded call, pending or dead. */
    Optional<NotificationCall> find(String id);

    long pending();

    long dead();

    List<DeadLetter> deadLetters();

    /** Makes a dead letter due at {@code nowMillis} with its schedule started again; {@code false} when it is none. */
    boolean replay(String id, long nowMillis, long leaseMillis);

    /** Forgets a dead letter; {@code false} when it is none. */
    boolean discard(String id);

    /** Where the calls are kept, for messages. */
    String describe();

    @Override
    void close();
}
