package dev.weft.runtime.lock;

import dev.weft.api.LockUnavailableException;
import dev.weft.api.WeftBackendException;
import dev.weft.api.WeftException;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.Durations;
import dev.weft.runtime.redis.RedisDeployment;
import dev.weft.runtime.weave.RuntimeContextLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Distributed locks: {@code mode: single} on {@code redis.uri}, {@code mode: redlock} on the majority of
 * {@code redis.nodes}. The full contract, with what is and is not guaranteed, is {@code docs/locks.md} and
 * {@code docs/redlock.md}; the recipes are:
 * <ul>
 *   <li>{@link QuorumLock}: the grant, renewal and release on n nodes (single is n = 1), with validity and drift;
 *   <li>{@link KeyQueue}: the threads of this JVM that want one key, handing the grant to each other locally;
 *   <li>{@link GrantNotices} and the scripts' queue: across JVMs, each release wakes (with one node: hands the lock
 *       to) only the oldest live waiter;
 *   <li>{@link Lease}: fencing tokens, and {@link LeaseKeeper}: renewal and loss.
 * </ul>
 *
 * <p><b>Protocol.</b> A lock is the hash {@code <keyPrefix>lock:{<key>}} holding its current owner (unique per
 * acquisition) and the last fencing token handed out, with the holder's lease as its expiry; a free lock keeps only
 * the token, for a day. Waiters queue in {@code <keyPrefix>lock-queue:{<key>}}, written only under contention. Every
 * step is one script per node: an uncontended acquire is one round trip, a release one more. A release or renewal
 * never touches a lock whose owner is not its own.
 *
 * <p><b>Reentrancy</b> is per thread: a thread holding a key passes straight through, with no Redis call, even if
 * the lock was lost meanwhile (the loss has been reported already); only its outermost release counts.
 *
 * <p><b>Failures.</b> Redis unreachable, answering an error or not answering within {@code redis.timeout} (for
 * RedLock: too few nodes for a majority) makes {@link #acquire} throw {@link WeftBackendException}: never a hang,
 * never a method run unlocked. A lease that could not be kept is reported as lost ({@link LossReporter});
 * {@link #release} never throws.
 */
public final class LockService implements AutoCloseable {
    private final LockMetrics metrics = new LockMetrics();
    private final ThreadHolds holds = new ThreadHolds();
    private final LossReporter losses = new LossReporter(metrics);
    private final ScheduledThreadPoolExecutor scheduler;
    private final LockSpace single;
    private final LockSpace redlock;
    /** Until {@link #waitFor} is called, locks are released when their method returns, whatever transaction is open. */
    private volatile TransactionEnds transactions = TransactionEnds.NONE;

    public LockService(RedisSettings settings) {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "weft-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        OwnerIds owners = new OwnerIds();
        single = space(List.of(RedisDeployment.of(settings)), settings, owners);
        redlock = settings.nodes().isEmpty() ? null : space(settings.nodes().stream()
                .map(uri -> RedisDeployment.node(uri, settings)).toList(), settings, owners);
    }

    private LockSpace space(List<RedisDeployment> nodes, RedisSettings settings, OwnerIds owners) {
        return new LockSpace(new QuorumLock(nodes, settings.timeout(), settings.keyPrefix()), owners, scheduler,
                metrics, losses);
    }

    /** The transactions whose end a lock's release waits for (docs/locks.md); set once, before any lock is taken. */
    public void waitFor(TransactionEnds transactions) {
        this.transactions = transactions;
    }

    /** Whether the current thread is running a locked method: what it writes to a database is the lock's to cover. */
    public boolean runningLocked() {
        return holds.anyRunning();
    }

    /** Begins connecting to the Redis servers of {@code mode} in the background; never blocks the caller. */
    public void startConnecting(LockMode mode) {
        space(mode).startConnecting();
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
        LockSpace space = space(options.mode());
        HeldLock held = holds.reenter(space, key);
        if (held != null) {
            return held;
        }
        ClassLoader caller = RuntimeContextLoader.use();
        try {
            held = space.acquire(key, options);
        } finally {
            RuntimeContextLoader.restore(caller);
        }
        if (held == null) {
            return busy(key, options);
        }
        holds.push(held);
        return held;
    }

    /**
     * Ends one hold of {@code lock}, on the thread that acquired it, with no transaction to wait for: the outermost
     * release hands the lock to a waiting thread of this JVM or frees it in Redis. Never throws: a failure is logged
     * and counted.
     */
    public void release(HeldLock lock) {
        release(lock, null);
    }

    /**
     * Ends one hold of {@code lock} as a locked method returns or throws, on the thread that acquired it. When that
     * was the outermost hold and transactions are active on the thread, the release waits until they have ended
     * (docs/locks.md, "Held until the data is committed"); meanwhile the lease is renewed and the thread re-enters the
     * lock freely.
     *
     * @param woven the woven class, through whose loader transactions are found; null looks for none
     * @throws WeftException when a transaction is active but the release could not wait for it: the lock is released
     *     now, and the exception, in place of the method's outcome, makes the transaction roll back instead of
     *     committing unprotected (docs/locks.md)
     */
    public void release(HeldLock lock, Class<?> woven) {
        if (lock == null) {
            return;
        }
        holds.pop(lock);
        if (lock.exitInnerHold()) {
            return;
        }
        WeftException unprotected;
        ClassLoader caller = RuntimeContextLoader.use();
        try {
            unprotected = woven != null && lock.isOutermostHold() ? awaitTransactions(lock, woven) : null;
            if (lock.exit()) {
                lock.space().release(lock);
            } else if (lock.isDeferred()) {
                holds.defer(lock);
            }
        } finally {
            RuntimeContextLoader.restore(caller);
        }
        if (unprotected != null) {
            throw unprotected;
        }
    }

    /**
     * Ties the release to the end of each transaction active on this thread.
     *
     * @return null, or the failure to report: then no transaction is awaited
     */
    private WeftException awaitTransactions(HeldLock lock, Class<?> woven) {
        DeferredRelease release = new DeferredRelease(lock);
        try {
            transactions.attach(woven, release);
            return null;
        } catch (RuntimeException e) {
            release.abandon();
            metrics.onError();
            WeftException failure = new WeftException("lock " + lock.describe() + " could not be kept until the end"
                    + " of the transaction active on thread " + Thread.currentThread().getName() + " (" + e + "), so it"
                    + " is released now and the method fails instead of committing unprotected; lock the method that"
                    + " begins and ends the transaction instead (docs/locks.md, \"Held until the data is committed\")",
                    e);
            Log.error(failure.getMessage());
            return failure;
        }
    }

    /** The waits of one outermost hold for its transactions; each awaited end releases the lock once the last is. */
    private final class DeferredRelease implements TransactionEnds.PendingRelease {
        private final HeldLock lock;
        /** Null until a transaction is found: most methods run outside one. */
        private List<Runnable> awaited;

        DeferredRelease(HeldLock lock) {
            this.lock = lock;
        }

        @Override
        public Runnable awaitEnd() {
            lock.awaitTransactionEnd();
            Runnable ended = new Runnable() {
                private final AtomicBoolean ran = new AtomicBoolean();

                @Override
                public void run() {
                    if (ran.compareAndSet(false, true)) {
                        transactionEnded(lock);
                    }
                }
            };
            if (awaited == null) {
                awaited = new ArrayList<>(1);
            }
            awaited.add(ended);
            return ended;
        }

        @Override
        public String describe() {
            return lock.describe();
        }

        /** The waits registered so far end now: the lock does not outlive its method when one could not be. */
        void abandon() {
            if (awaited != null) {
                awaited.forEach(Runnable::run);
            }
        }
    }

    /** On whatever thread ended the transaction: Spring's, a JTA reaper's, the one committing a connection. */
    private void transactionEnded(HeldLock lock) {
        if (!lock.transactionEnded()) {
            return;
        }
        if (Thread.currentThread() == lock.thread()) {
            holds.forget(lock);
        }
        ClassLoader caller = RuntimeContextLoader.use();
        try {
            lock.space().release(lock);
        } finally {
            RuntimeContextLoader.restore(caller);
        }
    }

    /**
     * Waits up to {@code redis.timeout} until the releases sent so far are answered: a method returns without waiting
     * for its lock's release, and whoever reads the lock in Redis next must see it freed.
     */
    public void awaitReleases() {
        single.awaitReleases();
        if (redlock != null) {
            redlock.awaitReleases();
        }
    }

    /** {@link #awaitReleases()} within {@code within} at most: the JVM's exit (docs/locks.md, "What is guaranteed"). */
    public void awaitReleases(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        single.awaitReleases(deadline);
        if (redlock != null) {
            redlock.awaitReleases(deadline);
        }
    }

    /** The fencing token of the current thread's innermost held lock, or -1 when it holds none. */
    public long fencingToken() {
        return holds.innermostToken();
    }

    public LockMetrics metrics() {
        return metrics;
    }

    /** Every lock this JVM holds now: one entry per grant (a thread's outermost hold). */
    public List<HeldLockInfo> heldLocks() {
        List<HeldLockInfo> held = new ArrayList<>();
        single.collectHeld(held);
        if (redlock != null) {
            redlock.collectHeld(held);
        }
        return held;
    }

    /** How many threads of this JVM wait for each key now. */
    public Map<String, Integer> waitersByKey() {
        Map<String, Integer> waiters = new TreeMap<>();
        single.collectWaiters(waiters);
        if (redlock != null) {
            redlock.collectWaiters(waiters);
        }
        return waiters;
    }

    /** Calls {@code listener} whenever a lease is lost while held, after it was logged and counted. */
    public void onLost(Consumer<HeldLockInfo> listener) {
        losses.addListener(listener);
    }

    /**
     * Stops renewing, wakes waiters (whose acquire then fails) and closes the connections and threads. Locks still
     * held are not released: their methods may still be running, so they expire with their lease.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        single.close();
        if (redlock != null) {
            redlock.close();
        }
    }

    /** Whether this JVM hears the lock notices of {@code mode}'s nodes yet (tests). */
    boolean hearsNotices(LockMode mode) {
        return space(mode).hearsNotices();
    }

    private LockSpace space(LockMode mode) {
        if (mode == LockMode.REDLOCK) {
            if (redlock == null) {
                throw new IllegalStateException("mode: redlock without redis.nodes; the config check should have"
                        + " refused this");
            }
            return redlock;
        }
        return single;
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
