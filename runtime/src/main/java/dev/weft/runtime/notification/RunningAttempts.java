package dev.weft.runtime.notification;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attempts running in this instance, the caller's own and the retries, whose holds on their calls are extended
 * while they run (as a lock's watchdog extends a lease): a slow attempt on a live instance is never run again beside
 * itself; only an instance that dies leaves its call due, when the hold it last extended ends.
 */
final class RunningAttempts {
    private final NotificationStore store;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    RunningAttempts(NotificationStore store) {
        this.store = store;
    }

    /** One attempt; its extensions and its end are ordered, so no extension lands after the attempt is settled. */
    final class Running {
        private final String id;
        private final String token;
        private final long leaseMillis;
        private long heldUntilMillis;
        private boolean ended;

        private Running(String id, String token, long leaseMillis, long heldUntilMillis) {
            this.id = id;
            this.token = token;
            this.leaseMillis = leaseMillis;
            this.heldUntilMillis = heldUntilMillis;
        }

        /** Called before the attempt is settled: from then on its hold is the outcome's business. */
        synchronized void end() {
            ended = true;
            running.remove(this);
        }

        private synchronized void extendIfDue(long nowMillis) {
            if (ended || heldUntilMillis - nowMillis > leaseMillis / 2) {
                return;
            }
            long until = nowMillis + leaseMillis;
            if (store.extend(id, token, until)) {
                heldUntilMillis = until;
            } else {
                end(); // another attempt holds the call now: this one's hold is gone, extending it is pointless
            }
        }
    }

    /** An attempt that holds its call until {@code heldUntilMillis}, for {@code leaseMillis} at each extension. */
    Running begin(String id, String token, long leaseMillis, long heldUntilMillis) {
        Running attempt = new Running(id, token, leaseMillis, heldUntilMillis);
        running.add(attempt);
        return attempt;
    }

    /** Extends the holds that are past half their lease; the retries' poller calls it on every round. */
    void extendDue(long nowMillis) {
        for (Running attempt : running) {
            attempt.extendIfDue(nowMillis);
        }
    }
}
