package dev.weft.runtime.lock;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import dev.weft.runtime.redis.RedisEndpoint;

/**
 * Distributed locks on one Redis ({@code mode: single}).
 *
 * <p><b>Protocol.</b> A lock is the key {@code <keyPrefix>lock:<key>}, holding an owner value unique to the grant,
 * with a lease set by {@code PX}. Taking it is one script (set-if-absent, plus the fencing token); releasing it is
 * one compare-and-delete script that also publishes on a channel named like the key; renewing it is one
 * compare-and-extend script, sent at a third of the lease. A release or renewal never touches a key whose owner
 * value is not its own, so it never deletes or extends somebody else's lock.
 *
 * <p><b>Waiting</b> polls nothing: a waiter subscribes to the lock's channel and sleeps until a release notice or
 * until the holder's remaining lease (from the failed try) runs out, whichever comes first, within {@code wait}.
 * An uncontended acquire and a release are one round trip each. See {@link ReleaseNotices}.
 *
 * <p><b>Reentrancy</b> is per thread: a thread holding a key passes straight through, with no Redis call, even if
 * the lock was lost meanwhile (the loss has been reported already); only its outermost release touches Redis.
 *
 * <p><b>Fencing tokens.</b> Each grant's token is {@code max(server clock in microseconds, previous token of the
 * key + 1)}, the previous token being kept in {@code <keyPrefix>lock-fence:<key>} for a day (plus the lease) after
 * each grant. Guaranteed: tokens of one key strictly increase across grants, including hand-offs between threads of
 * one JVM, as long as one Redis keeps its data, or, once the fence record is gone (a day without a grant of that
 * key, a Redis restart without persistence, a fail-over that lost recent writes), as long as the Redis server's
 * clock has not stepped back behind the last token. Not guaranteed: order across different keys; tokens after a
 * fail-over to a replica whose clock is behind, or a restart with a clock set back. Tokens fit in 53 bits, so they
 * survive JSON and JavaScript numbers.
 *
 * <p><b>Failures.</b> Redis unreachable, answering an error or not answering within {@code redis.timeout} makes
 * {@link #acquire} throw {@link WeftBackendException}: never a hang, never a method run unlocked. A lock whose lease
 * could not be kept is reported as lost (see {@link LeaseKeeper}); {@link #release} never throws.
 */
public final class LockService implements AutoCloseable {
    private final RedisEndpoint redis;
    private final LockScripts scripts;
    private final LockMetrics metrics = new LockMetrics();
    private final ThreadHolds holds = new ThreadHolds();
    private final OwnerIds owners = new OwnerIds();
    private final ReleaseNotices notices;
    private final LeaseKeeper leases;
    private volatile boolean closed;

    public LockService(RedisSettings settings) {
        this.redis = new RedisEndpoint(settings.uri(), settings.timeout());
        this.scripts = new LockScripts(settings.keyPrefix());
        this.notices = new ReleaseNotices(redis);
        this.leases = new LeaseKeeper(redis, scripts, metrics);
    }

    /** Begins connecting in the background; never blocks the caller. */
    public void startConnecting() {
        redis.startConnecting();
    }

    /**
     * Takes the lock on {@code key}, the rendered key without prefix, waiting up to {@code options.maxWait()}.
     * Interrupting the waiting thread ends its wait early, as if the wait had elapsed; the interrupt stays set.
     *
     * @return the held lock; null only when it stayed busy for the whole wait and {@code onBusy} is {@code skip}
     * @throws LockUnavailableException when it stayed busy and {@code onBusy} is {@code throw}
     * @throws WeftBackendException when Redis is unreachable, errs or times out
     */
    public HeldLock acquire(String key, LockOptions options) {
        HeldLock held = holds.reenter(key);
        if (held != null) {
            return held;
        }
        ensureOpen(key, options);
        String lockKey = scripts.lockKey(key);
        String owner = owners.next();
        String purpose = "lock " + options.describe(key);
        long sentAt = System.nanoTime();
        long reply = tryAcquire(key, lockKey, owner, options, purpose);
        if (LockScripts.isGranted(reply)) {
            return granted(key, lockKey, owner, reply, options, sentAt);
        }
        if (options.maxWait().isZero()) {
            return busy(key, options);
        }
        return awaitGrant(key, lockKey, owner, options, purpose, sentAt + options.maxWait().toNanos());
    }

    /**
     * Ends one hold of {@code lock}, on the thread that acquired it (as woven advice does); the outermost release
     * frees the lock in Redis. Never throws: a failure is logged and counted.
     */
    public void release(HeldLock lock) {
        if (lock == null) {
            return;
        }
        try {
            holds.pop(lock);
            if (!lock.exit()) {
                return;
            }
            leases.stop(lock);
            metrics.onReleased();
            boolean deleted = redis.call("release lock " + lock.describe(),
                    commands -> scripts.release(commands, lock.redisKey(), lock.owner()));
            if (!deleted) {
                leases.reportLost(lock, "it had expired or been deleted before its release");
            }
        } catch (WeftBackendException e) {
            metrics.onError();
            Log.warn(e.getMessage() + "; the lock frees itself when its lease of "
                    + Durations.text(lock.options().lease()) + " runs out");
        } catch (RuntimeException e) {
            metrics.onError();
            Log.error("releasing lock " + lock.describe() + " failed", e);
        }
    }

    /** The fencing token of the current thread's innermost held lock, or -1 when it holds none. */
    public long fencingToken() {
        return holds.innermostToken();
    }

    public LockMetrics metrics() {
        return metrics;
    }

    /**
     * Stops renewing, wakes waiters (whose acquire then fails) and closes the connections and threads. Locks still
     * held are not released: their methods may still be running, so they expire with their lease.
     */
    @Override
    public void close() {
        closed = true;
        notices.close();
        leases.close();
        redis.close();
    }

    private HeldLock awaitGrant(String key, String lockKey, String owner, LockOptions options, String purpose,
                                long deadline) {
        try (ReleaseNotices.Waiter waiter = notices.register(lockKey, "wait for " + purpose)) {
            while (true) {
                ensureOpen(key, options);
                waiter.reset();
                long sentAt = System.nanoTime();
                long reply = tryAcquire(key, lockKey, owner, options, purpose);
                if (LockScripts.isGranted(reply)) {
                    return granted(key, lockKey, owner, reply, options, sentAt);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !waiter.await(Math.min(left, LockScripts.holderTtlNanos(reply)))) {
                    return busy(key, options);
                }
            }
        }
    }

    private void ensureOpen(String key, LockOptions options) {
        if (closed) {
            throw new WeftBackendException("Weft is shut down, so lock " + options.describe(key) + " was not taken", null);
        }
    }

    private long tryAcquire(String key, String lockKey, String owner, LockOptions options, String purpose) {
        try {
            return redis.call(purpose, commands -> scripts.acquire(commands, key, lockKey, owner, options.lease()));
        } catch (WeftBackendException e) {
            metrics.onError();
            // Without a reply the script may still have run: free whatever this owner might now hold.
            redis.callAsync(commands -> scripts.release(commands, lockKey, owner));
            throw e;
        }
    }

    private HeldLock granted(String key, String lockKey, String owner, long token, LockOptions options, long sentAt) {
        HeldLock lock = new HeldLock(key, lockKey, owner, token, options, sentAt + options.lease().toNanos());
        holds.push(lock);
        metrics.onAcquired();
        leases.keep(lock);
        return lock;
    }

    private HeldLock busy(String key, LockOptions options) {
        metrics.onBusy();
        if (options.onBusy() == OnBusy.SKIP) {
            return null;
        }
        throw new LockUnavailableException("lock " + options.describe(key) + " is held by another owner"
                + (options.maxWait().isZero()
                        ? " (wait: 0, so Weft did not wait)"
                        : "; gave up after waiting " + Durations.text(options.maxWait())));
    }
}
