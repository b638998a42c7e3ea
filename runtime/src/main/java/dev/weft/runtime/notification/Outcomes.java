package dev.weft.runtime.notification;

import dev.weft.runtime.log.Log;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Settles an attempt, the caller's own or a retry: forgets a call that succeeded, schedules the next attempt of one
 * that failed, dead-letters one whose schedule ran out; says so in the log and the counters. A store that cannot be
 * reached is logged, never thrown: the call's record then stays due at the end of its lease and is tried again.
 */
final class Outcomes {
    private final NotificationStore store;
    private final NotificationCounters counters;
    private final LongSupplier clock;
    private final DoubleSupplier random;

    Outcomes(NotificationStore store, NotificationCounters counters, LongSupplier clock, DoubleSupplier random) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
        this.random = random;
    }

    Schedule scheduleOf(NotificationCall call) {
        return new Schedule(call.schedule(), random);
    }

    /** @return whether this attempt's record was removed (false: a newer call or attempt holds it, or the store is down) */
    boolean succeeded(NotificationCall call, String token, int attempt) {
        counters.succeeded.incrementAndGet();
        try {
            return store.succeeded(call.id(), token);
        } catch (RuntimeException e) {
            Log.warn("notification \"" + call.id() + "\" succeeded (attempt " + attempt + ") but its record could"
                    + " not be removed from " + store.describe() + " (" + e.getMessage() + "); it will be made once"
                    + " more: receivers deduplicate on Weft-Idempotency-Key");
            return false;
        }
    }

    void failed(NotificationCall call, String token, int attempt, Throwable error) {
        counters.failedAttempts.incrementAndGet();
        Schedule schedule = scheduleOf(call);
        String reason = describe(error);
        long now = clock.getAsLong();
        try {
            if (schedule.isLast(attempt)) {
                if (store.deadLetter(call.id(), token, attempt, now, reason)) {
                    counters.deadLettered.incrementAndGet();
                    Log.warn("notification \"" + call.id() + "\" failed its last attempt (" + attempt + " of "
                            + schedule.attempts() + "): " + reason + "; it is a dead letter now (JMX"
                            + " dev.weft:type=Notifications, or weft-agent.jar notify replay)");
                }
                return;
            }
            long due = now + schedule.pauseAfterMillis(attempt);
            if (store.retryAt(call.id(), token, due, schedule.leaseMillis(attempt + 1), reason)) {
                Log.warn("notification \"" + call.id() + "\" failed (attempt " + attempt + " of "
                        + schedule.attempts() + "): " + reason + "; next attempt at " + Instant.ofEpochMilli(due));
            }
        } catch (RuntimeException e) {
            Log.warn("notification \"" + call.id() + "\" failed (attempt " + attempt + "): " + reason + "; and "
                    + store.describe() + " could not record it (" + e.getMessage() + "): it is due again when its"
                    + " lease ends, " + schedule.leaseMillis(attempt) + " ms after the attempt began");
        }
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (cause: " + root + ")";
    }
}
