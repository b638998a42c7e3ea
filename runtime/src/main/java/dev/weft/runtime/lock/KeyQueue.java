package dev.weft.runtime.lock;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Recipe: the threads of this JVM that want one key, in arrival order, sharing one grant from Redis.
 *
 * <p>At most one Redis acquisition per key runs in a JVM at a time, driven by the oldest waiting thread; the others
 * wait here, without any Redis traffic. When the holder releases and a local thread waits, the lease passes to that
 * thread with no round trip: a new grant, with a new, higher fencing token ({@link Lease}). This goes on at most
 * {@link #MAX_LOCAL_GRANTS} times or {@link #MAX_LOCAL_MILLIS} ms after the Redis grant, and only while more than half
 * the lease is surely left; then the lease is released in Redis, where the next JVM in the queue gets it, and the
 * oldest local waiter queues there again. So other JVMs wait at most that long on top of their turn.
 *
 * <p>Guaranteed: one holder thread per key per JVM at a time; local waiters are served in arrival order; a waiter
 * that gives up leaves the queue, and, if it was driving the acquisition, hands the driving to the next one (same
 * owner, same place in the Redis queue). Not guaranteed: order between a local waiter and a thread that arrives
 * while the lease is being released in Redis (it queues behind the local waiters).
 */
final class KeyQueue {
    static final int MAX_LOCAL_GRANTS = 64;
    static final long MAX_LOCAL_MILLIS = 50;

    private final String key;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private Lease lease;
    private Acquisition acquisition;
    private boolean releasing;
    private boolean retired;

    KeyQueue(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** One thread waiting for the key. */
    static final class Waiter {
        final Thread thread = Thread.currentThread();
        final LockOptions options;
        private volatile HeldLock granted;
        private volatile Acquisition driving;

        Waiter(LockOptions options) {
            this.options = options;
        }

        HeldLock granted() {
            return granted;
        }

        /** The acquisition this thread must drive now, or null while another thread does. */
        Acquisition driving() {
            return driving;
        }

        private void grant(HeldLock hold) {
            granted = hold;
            LockSupport.unpark(thread);
        }

        private void drive(Acquisition next) {
            driving = next;
            LockSupport.unpark(thread);
        }
    }

    /** What a thread that gave up leaves behind. */
    record Leaving(HeldLock granted, Acquisition abandoned, boolean retired) {
    }

    /**
     * Queues the current thread; the first one, with nothing held or under way, drives a new acquisition.
     *
     * @return null when this queue is retired (the caller takes a fresh one)
     */
    synchronized Waiter join(LockOptions options, Supplier<Acquisition> newAcquisition) {
        if (retired) {
            return null;
        }
        Waiter waiter = new Waiter(options);
        waiters.add(waiter);
        if (lease == null && acquisition == null && !releasing) {
            acquisition = newAcquisition.get();
            waiter.drive(acquisition);
        }
        return waiter;
    }

    /** The driving thread got the lock from Redis. */
    synchronized HeldLock granted(Waiter waiter, LockSpace space, Lease granted) {
        acquisition = null;
        lease = granted;
        waiters.remove(waiter);
        HeldLock hold = new HeldLock(space, granted, waiter.thread, waiter.options);
        granted.holder(hold);
        waiter.grant(hold);
        return hold;
    }

    /** A waiter gives up (wait over, interrupted, Redis failed). */
    synchronized Leaving leave(Waiter waiter) {
        if (waiter.granted != null) {
            return new Leaving(waiter.granted, null, false);
        }
        waiters.remove(waiter);
        Acquisition abandoned = null;
        if (waiter.driving != null) {
            Waiter next = waiters.peek();
            if (next != null) {
                next.drive(waiter.driving);
            } else {
                abandoned = acquisition;
                acquisition = null;
            }
        }
        return new Leaving(null, abandoned, retireIfIdle());
    }

    /**
     * Ends {@code hold}, the outermost hold of the current holder: hands the lease to the next local waiter when the
     * bounds allow it.
     *
     * @return the lease to release in Redis, or null when it was handed over locally
     */
    synchronized Lease handOffOrFree(HeldLock hold, LockSpace space) {
        Waiter next = mayHandOff() ? waiters.poll() : null;
        if (next != null) {
            lease.countLocalGrant();
            HeldLock handed = new HeldLock(space, lease, next.thread, next.options);
            lease.holder(handed);
            next.grant(handed);
            return null;
        }
        Lease done = hold.lease();
        lease = null;
        releasing = true;
        return done;
    }

    /**
     * The lease was released in Redis: the oldest local waiter, if any, drives a new acquisition.
     *
     * @return true when nobody is left, so the queue is retired
     */
    synchronized boolean freed(Supplier<Acquisition> newAcquisition) {
        releasing = false;
        Waiter next = waiters.peek();
        if (next != null) {
            acquisition = newAcquisition.get();
            next.drive(acquisition);
        }
        return retireIfIdle();
    }

    /** Lets every waiting thread look at its state again (shutdown). */
    synchronized void wakeAll() {
        waiters.forEach(waiter -> LockSupport.unpark(waiter.thread));
    }

    synchronized HeldLock holder() {
        return lease == null ? null : lease.holder();
    }

    synchronized int waiting() {
        return waiters.size();
    }

    private boolean mayHandOff() {
        long now = System.nanoTime();
        return !waiters.isEmpty()
                && !lease.isLost()
                && lease.localGrants() < MAX_LOCAL_GRANTS
                && now - lease.grantedAtNanos() < TimeUnit.MILLISECONDS.toNanos(MAX_LOCAL_MILLIS)
                && lease.validUntilNanos() - now > lease.duration().toNanos() / 2;
    }

    private boolean retireIfIdle() {
        if (waiters.isEmpty() && lease == null && acquisition == null && !releasing) {
            retired = true;
        }
        return retired;
    }
}
