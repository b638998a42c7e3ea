package dev.weft.runtime.lock;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.Replies;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Renews the lease of every held lock at a third of the lease, and reports a lock that is lost.
 *
 * <p>Lost means: a renewal found the key gone or owned by another grant, or renewals kept failing until the lease
 * had surely run out (counted from when the last successful call was sent). A loss is logged at error, counted and
 * marked on the {@link HeldLock}, once. Renewals go out asynchronously from one daemon thread, which sleeps while
 * nothing is due, so no application thread ever waits for them.
 */
final class LeaseKeeper implements AutoCloseable {
    private final RedisEndpoint redis;
    private final LockScripts scripts;
    private final LockMetrics metrics;
    private final ScheduledThreadPoolExecutor scheduler;

    LeaseKeeper(RedisEndpoint redis, LockScripts scripts, LockMetrics metrics) {
        this.redis = redis;
        this.scripts = scripts;
        this.metrics = metrics;
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "weft-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    void keep(HeldLock lock) {
        schedule(lock, renewInterval(lock));
    }

    void stop(HeldLock lock) {
        lock.markReleased();
    }

    void reportLost(HeldLock lock, String why) {
        if (lock.markLost()) {
            metrics.onLost();
            Log.error("lock " + lock.describe() + " was lost while held: " + why + "; its fencing token "
                    + lock.token() + " is stale and another owner may hold the lock now");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void schedule(HeldLock lock, long delayNanos) {
        if (lock.isReleased()) {
            return;
        }
        try {
            lock.renewal(scheduler.schedule(() -> renew(lock), delayNanos, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException closing) {
            Log.debug("not renewing lock " + lock.describe() + ": Weft is shutting down");
        }
    }

    private void renew(HeldLock lock) {
        if (lock.isReleased()) {
            return;
        }
        long sentAt = System.nanoTime();
        redis.callAsync(commands -> scripts.renew(commands, lock))
                .whenComplete((renewed, failure) -> onRenewal(lock, sentAt, renewed, failure));
    }

    private void onRenewal(HeldLock lock, long sentAt, Boolean renewed, Throwable failure) {
        if (lock.isReleased()) {
            return;
        }
        if (failure == null) {
            if (renewed) {
                lock.validUntilNanos(sentAt + lock.options().lease().toNanos());
                schedule(lock, renewInterval(lock));
            } else {
                reportLost(lock, "Redis no longer holds it for this owner (it expired or was deleted)");
            }
            return;
        }
        metrics.onError();
        long left = lock.validUntilNanos() - System.nanoTime();
        if (left <= 0) {
            reportLost(lock, "its lease of " + Durations.text(lock.options().lease()) + " ran out while renewals failed ("
                    + Replies.cause(failure) + ")");
            return;
        }
        Log.debug("renewing lock " + lock.describe() + " failed, retrying: " + Replies.cause(failure));
        schedule(lock, Math.min(left, lock.options().lease().toNanos() / 10));
    }

    private static long renewInterval(HeldLock lock) {
        return lock.options().lease().toNanos() / 3;
    }
}
