package dev.weft.runtime.lock;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews every lease this JVM holds, a third of the lease after it was last confirmed, and reports a lease that is
 * lost.
 *
 * <p>Lost means: a renewal found the key gone or owned by another grant on so many nodes that no majority can
 * confirm it; a majority confirmed it only after the validity had run out; or renewals kept failing until the
 * validity ran out (counted from when the last confirmed call was sent). Renewals go out asynchronously from one
 * daemon thread, which sleeps while nothing is due, so no application thread ever waits for them.
 */
final class LeaseKeeper {
    private final ScheduledExecutorService scheduler;
    private final QuorumLock quorum;
    private final LockMetrics metrics;
    private final LossReporter losses;

    LeaseKeeper(ScheduledExecutorService scheduler, QuorumLock quorum, LockMetrics metrics, LossReporter losses) {
        this.scheduler = scheduler;
        this.quorum = quorum;
        this.metrics = metrics;
        this.losses = losses;
    }

    void keep(Lease lease) {
        schedule(lease, untilRenewal(lease));
    }

    void stop(Lease lease) {
        lease.markReleased();
    }

    private void schedule(Lease lease, long delayNanos) {
        if (lease.isReleased()) {
            return;
        }
        try {
            lease.renewal(scheduler.schedule(() -> renew(lease), delayNanos, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException closing) {
            Log.debug("not renewing lock \"" + lease.key() + "\": Weft is shutting down");
        }
    }

    private void renew(Lease lease) {
        if (lease.isReleased()) {
            return;
        }
        long sentAt = System.nanoTime();
        quorum.renew(lease.key(), lease.owner(), lease.duration(), lease.redisToken())
                .whenComplete((fanout, failure) -> onRenewal(lease, sentAt, fanout));
    }

    private void onRenewal(Lease lease, long sentAt, Fanout<Boolean> fanout) {
        if (lease.isReleased()) {
            return;
        }
        long now = System.nanoTime();
        boolean inTime = now - lease.validUntilNanos() < 0;
        if (quorum.isMajority(fanout.count(Boolean::booleanValue))) {
            if (inTime) {
                lease.validUntilNanos(sentAt + lease.duration().toNanos() - QuorumLock.driftNanos(lease.duration()));
                schedule(lease, untilRenewal(lease));
            } else {
                losses.report(lease, "its renewal was confirmed only after its validity had run out");
            }
            return;
        }
        if (quorum.isRefused(fanout)) {
            losses.report(lease, "Redis no longer holds it for this owner (it expired or was deleted)");
            return;
        }
        metrics.onError();
        if (!inTime) {
            losses.report(lease, "its lease of " + Durations.text(lease.duration()) + " ran out while renewals failed"
                    + failureText(lease, fanout));
            return;
        }
        Log.debug("renewing lock \"" + lease.key() + "\" failed, retrying" + failureText(lease, fanout));
        schedule(lease, Math.min(lease.validUntilNanos() - now, lease.duration().toNanos() / 10));
    }

    private static String failureText(Lease lease, Fanout<Boolean> fanout) {
        WeftBackendException first = fanout.firstFailure("renew lock \"" + lease.key() + "\"");
        return first == null ? ": no answer in time" : ": " + first.getMessage();
    }

    /** A third of the lease after the start of the validity (validity = start + lease - drift). */
    private static long untilRenewal(Lease lease) {
        long lease3 = lease.duration().toNanos();
        long start = lease.validUntilNanos() - lease3 + QuorumLock.driftNanos(lease.duration());
        return Math.max(0, start + lease3 / 3 - System.nanoTime());
    }
}
