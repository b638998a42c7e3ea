package dev.weft.runtime.lock;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The locks of one set of Redis nodes ({@code redis.uri} for {@code mode: single}, {@code redis.nodes} for
 * {@code mode: redlock}): the threads of this JVM queue per key ({@link KeyQueue}), the oldest drives the Redis
 * acquisition ({@link QuorumLock}), waiting for hand-offs and wake-ups ({@link GrantNotices}) between attempts.
 *
 * <p>Waiting polls nothing once this JVM hears notices: a driving thread sleeps until a notice, the holder's lease
 * left (a crashed holder never announces its end), a third of its own lease (to keep its place in the Redis queue,
 * and to find a hand-off whose notice was lost), or the end of its wait, whichever comes first. Until the JVM's
 * subscription is confirmed (it starts at the first busy answer, and took 0.3-0.7 s with four JVMs starting on two
 * cores) a hand-off to it is not heard, so meanwhile it tries again every 10 ms. After a split RedLock vote it
 * tries again after a random delay of up to {@link #MAX_JITTER_MILLIS} ms, so that contenders do not split the nodes
 * again and again.
 */
final class LockSpace implements AutoCloseable {
    static final long MAX_JITTER_MILLIS = 50;
    /** How often a waiter tries again while this JVM cannot hear notices yet: a first subscription took 0.3-0.7 s. */
    static final long UNHEARD_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final QuorumLock quorum;
    private final OwnerIds owners;
    private final LockMetrics metrics;
    private final LossReporter losses;
    private final GrantNotices notices;
    private final LeaseKeeper leases;
    private final ReplicaWait replicas;
    private final ReleasesInFlight releases = new ReleasesInFlight();
    private final Map<String, KeyQueue> queues = new ConcurrentHashMap<>();
    private volatile boolean closed;

    LockSpace(QuorumLock quorum, OwnerIds owners, ScheduledExecutorService scheduler, LockMetrics metrics,
              LossReporter losses) {
        this.quorum = quorum;
        this.owners = owners;
        this.metrics = metrics;
        this.losses = losses;
        this.notices = new GrantNotices(quorum, owners.jvm());
        this.leases = new LeaseKeeper(scheduler, quorum, metrics, losses);
        this.replicas = new ReplicaWait(quorum);
    }

    void startConnecting() {
        quorum.startConnecting();
    }

    /**
     * The {@code wait} counts from when Redis can be asked: a cold JVM's first call first waits for its connection,
     * as long as connecting takes (bounded by {@code redis.timeout} plus building the client), and when that attempt
     * times out, from then on: the attempts made again meanwhile are part of the wait.
     *
     * @return the held lock, or null when it stayed busy for the whole wait
     */
    HeldLock acquire(String key, LockOptions options) {
        long called = System.nanoTime();
        long started = quorum.connectedOnce() ? called : awaitFirstConnections(key, options);
        KeyQueue queue;
        KeyQueue.Waiter waiter;
        do {
            ensureOpen(key, options);
            queue = queues.computeIfAbsent(key, KeyQueue::new);
            waiter = queue.join(options, () -> newAcquisition(key));
            if (waiter == null) {
                queues.remove(key, queue);
            }
        } while (waiter == null);
        HeldLock held;
        try {
            held = await(queue, waiter, started + options.maxWait().toNanos());
        } catch (RuntimeException e) {
            held = giveUp(queue, waiter);
            if (held == null) {
                throw e;
            }
        }
        if (held == null) {
            ensureOpen(key, options);
        } else {
            metrics.onAcquired(System.nanoTime() - called);
        }
        return held;
    }

    private long awaitFirstConnections(String key, LockOptions options) {
        try {
            return quorum.awaitFirstConnections("lock " + options.describe(key), options.maxWait());
        } catch (WeftBackendException e) {
            metrics.onError();
            throw e;
        }
    }

    /**
     * Ends the outermost hold of {@code hold}: to the next local waiter, or released in Redis without waiting for
     * the reply (docs/locks.md, "The release is off the caller's path"). Never throws: a failed release is logged
     * and counted when its reply comes.
     */
    void release(HeldLock hold) {
        metrics.onReleased(System.nanoTime() - hold.grantedAtNanos());
        KeyQueue queue = queues.get(hold.key());
        Lease lease = queue.handOffOrFree(hold, this);
        if (lease == null) {
            return;
        }
        leases.stop(lease);
        try {
            CompletableFuture<Boolean> released = quorum.release(lease.key(), lease.owner(), lease.redisToken(),
                    hold.options().keepsToken(), "release lock " + hold.describe());
            releases.track(lease.key(), released);
            released.whenComplete((freed, failure) -> released(hold, lease, freed, failure));
        } catch (RuntimeException e) {
            released(hold, lease, null, e);
        } finally {
            notices.released(lease.owner());
            if (queue.freed(() -> newAcquisition(hold.key()))) {
                queues.remove(hold.key(), queue);
            }
        }
    }

    private void released(HeldLock hold, Lease lease, Boolean freed, Throwable failure) {
        if (failure == null) {
            if (!freed) {
                losses.reportAfterRelease(lease, "it had expired or been deleted before its release");
            }
            return;
        }
        metrics.onError();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof WeftBackendException) {
            Log.warn(cause.getMessage() + "; the lock frees itself when its lease of "
                    + Durations.text(lease.duration()) + " runs out");
        } else {
            Log.error("releasing lock " + hold.describe() + " failed", cause);
        }
    }

    /** Whether this JVM hears lock notices on every node yet (tests wait for it before timing a wake-up). */
    boolean hearsNotices() {
        return notices.subscribed();
    }

    /** Waits up to {@code redis.timeout} until the releases sent so far are answered. */
    void awaitReleases() {
        awaitReleases(System.nanoTime() + quorum.timeout().toNanos());
    }

    /** Waits until the releases sent so far are answered, up to {@code redis.timeout} and {@code deadlineNanos}. */
    void awaitReleases(long deadlineNanos) {
        long now = System.nanoTime();
        releases.awaitAll(Math.max(0, Math.min(quorum.timeout().toNanos(), deadlineNanos - now)));
    }

    void collectHeld(List<HeldLockInfo> into) {
        long now = System.nanoTime();
        for (KeyQueue queue : queues.values()) {
            HeldLock holder = queue.holder();
            if (holder != null) {
                into.add(holder.info(now));
            }
        }
    }

    void collectWaiters(Map<String, Integer> into) {
        for (KeyQueue queue : queues.values()) {
            int waiting = queue.waiting();
            if (waiting > 0) {
                into.merge(queue.key(), waiting, Integer::sum);
            }
        }
    }

    /**
     * Stops renewing, wakes every waiter (whose acquire then fails), waits up to {@code redis.timeout} for the
     * releases under way and closes the connections.
     */
    @Override
    public void close() {
        closed = true;
        notices.wakeAll();
        queues.values().forEach(KeyQueue::wakeAll);
        awaitReleases();
        quorum.close();
    }

    private HeldLock await(KeyQueue queue, KeyQueue.Waiter waiter, long deadline) {
        while (true) {
            HeldLock granted = waiter.granted();
            if (granted != null) {
                return granted;
            }
            Acquisition driving = waiter.driving();
            if (driving != null) {
                HeldLock won = drive(queue, waiter, driving, deadline);
                return won != null ? won : giveUp(queue, waiter);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed || Thread.currentThread().isInterrupted()) {
                return giveUp(queue, waiter);
            }
            LockSupport.parkNanos(queue, left);
        }
    }

    /** Takes the lock from Redis for the local queue; null when the wait ended first. */
    private HeldLock drive(KeyQueue queue, KeyQueue.Waiter waiter, Acquisition acquisition, long deadline) {
        acquisition.drivenBy(Thread.currentThread());
        LockOptions options = waiter.options;
        String key = queue.key();
        String purpose = "lock " + options.describe(key);
        boolean waits = !options.maxWait().isZero();
        boolean ownReleaseAwaited = false;
        while (true) {
            ensureOpen(key, options);
            if (acquisition.handedToken() > 0) {
                confirmReplicated(key, acquisition, acquisition.handedToken(), options);
                return granted(queue, waiter, acquisition, acquisition.handedToken(), acquisition.busySentAtNanos()
                        + TimeUnit.MILLISECONDS.toNanos(acquisition.handedLeaseMillis())
                        - QuorumLock.driftNanos(options.lease()));
            }
            // Queued in Redis at once: a hand-off made before this JVM hears notices is found by the next attempt,
            // which the subscription's completion brings about (GrantNotices#startSubscribing).
            if (waits) {
                acquisition.joined();
            }
            CompletableFuture<Boolean> ownRelease = ownReleaseAwaited ? null : releases.of(key);
            long sentAt = System.nanoTime();
            QuorumLock.Attempt attempt = attempt(key, acquisition, options, waits, purpose);
            if (attempt.granted()) {
                confirmReplicated(key, acquisition, attempt.token(), options);
                return granted(queue, waiter, acquisition, attempt.token(), attempt.validUntilNanos());
            }
            if (ownRelease != null) {
                // Busy perhaps only because this JVM's own release of the key got there after this attempt.
                ownReleaseAwaited = true;
                if (ReleasesInFlight.await(ownRelease, System.nanoTime() + quorum.timeout().toNanos())) {
                    continue;
                }
            }
            acquisition.busyAsOf(sentAt);
            if (!waits) {
                return null;
            }
            long left = deadline - System.nanoTime();
            long sleep = Math.min(Math.min(left, attempt.holderTtlNanos()), options.lease().toNanos() / 3);
            if (!notices.subscribed()) {
                notices.startSubscribing("wait for " + purpose);
                // A hand-off to this owner would not be heard, though the lock would be its own.
                sleep = Math.min(sleep, UNHEARD_RETRY_NANOS);
            }
            if (attempt.split()) {
                sleep = Math.min(sleep, TimeUnit.MILLISECONDS.toNanos(
                        1 + ThreadLocalRandom.current().nextLong(MAX_JITTER_MILLIS)));
            }
            if (left <= 0 || !acquisition.await(sleep)) {
                return null;
            }
        }
    }

    private QuorumLock.Attempt attempt(String key, Acquisition acquisition, LockOptions options, boolean join,
                                      String purpose) {
        try {
            return quorum.acquire(key, acquisition.owner(), options.lease(), join, purpose);
        } catch (WeftBackendException e) {
            metrics.onError();
            throw e;
        }
    }

    /** {@code locks[].replicas}: the grant reached the replicas asked for, or it is released and this throws. */
    private void confirmReplicated(String key, Acquisition acquisition, long token, LockOptions options) {
        try {
            replicas.confirm(key, acquisition.owner(), token, options);
        } catch (WeftBackendException e) {
            metrics.onError();
            throw e;
        }
    }

    private HeldLock granted(KeyQueue queue, KeyQueue.Waiter waiter, Acquisition acquisition, long token,
                             long validUntilNanos) {
        notices.granted(acquisition);
        Lease lease = new Lease(queue.key(), acquisition.owner(), token, waiter.options.lease(), validUntilNanos);
        HeldLock hold = queue.granted(waiter, this, lease);
        leases.keep(lease);
        return hold;
    }

    /** The waiter leaves the queue; what it drove is abandoned in Redis too unless another thread takes it over. */
    private HeldLock giveUp(KeyQueue queue, KeyQueue.Waiter waiter) {
        KeyQueue.Leaving leaving = queue.leave(waiter);
        Acquisition abandoned = leaving.abandoned();
        if (abandoned != null) {
            notices.forget(abandoned);
            if (abandoned.hasJoined()) {
                quorum.leave(abandoned.key(), abandoned.owner());
            }
        }
        if (leaving.retired()) {
            queues.remove(queue.key(), queue);
        }
        return leaving.granted();
    }

    private Acquisition newAcquisition(String key) {
        Acquisition acquisition = new Acquisition(key, owners.next());
        notices.expect(acquisition);
        return acquisition;
    }

    private void ensureOpen(String key, LockOptions options) {
        if (closed) {
            throw new WeftBackendException("Weft is shut down, so lock " + options.describe(key) + " was not taken",
                    null);
        }
    }
}
