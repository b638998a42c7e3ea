package dev.weft.runtime.lock;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Releases sent to Redis whose replies have not come yet, by key. A method returns without waiting for its lock's
 * release. The next acquire of the key in this JVM normally reaches Redis after it (one connection runs its commands
 * in order), but not always: a release answered NOSCRIPT is sent again behind it, and a cluster redirect can reorder
 * them too; so an acquire that finds its key busy while this JVM's release of it was in flight tries again once that
 * release is answered. A JVM that stops waits for them all, so that another JVM sees its locks free at once rather
 * than when their leases run out.
 */
final class ReleasesInFlight {
    private final Map<String, CompletableFuture<Boolean>> byKey = new ConcurrentHashMap<>();

    void track(String key, CompletableFuture<Boolean> release) {
        byKey.put(key, release);
        release.whenComplete((outcome, failure) -> byKey.remove(key, release));
    }

    /** The release of {@code key} this JVM sent last and has no reply for yet; null when none. */
    CompletableFuture<Boolean> of(String key) {
        return byKey.get(key);
    }

    /**
     * Waits for {@code release}'s reply until {@code deadlineNanos}; true when it came. Not cut short by an interrupt
     * (the reply is due within {@code redis.timeout} anyway), which stays set.
     */
    static boolean await(CompletableFuture<Boolean> release, long deadlineNanos) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    release.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return true;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    return true; // answered with a failure, which the release's own callback reports
                } catch (TimeoutException late) {
                    return false;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until every release sent so far has its reply, for at most {@code nanos}. */
    void awaitAll(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (CompletableFuture<Boolean> release : byKey.values()) {
            if (!await(release, deadline)) {
                return; // the deadline has passed
            }
        }
    }
}
