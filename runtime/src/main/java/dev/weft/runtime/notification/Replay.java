package dev.weft.runtime.notification;

import java.util.List;

/**
 * Replaying dead letters, for JMX and the offline {@code notify replay} command: each becomes due now with its
 * schedule started again, and the next running instance's retries make it.
 */
public final class Replay {
    private Replay() {
    }

    /** @return {@code false} when {@code id} is no dead letter */
    public static boolean one(NotificationStore store, String id, long nowMillis) {
        return store.find(id).map(call -> store.replay(id, nowMillis,
                new Schedule(call.schedule(), () -> 0.5).leaseMillis(1))).orElse(false);
    }

    /** @return the ids replayed */
    public static List<String> all(NotificationStore store, long nowMillis) {
        return store.deadLetters().stream().map(DeadLetter::id).filter(id -> one(store, id, nowMillis)).toList();
    }
}
