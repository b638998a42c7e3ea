package dev.weft.runtime.lock;

import java.util.concurrent.locks.LockSupport;

/**
 * One attempt of this JVM to get a key from Redis, under one owner value, driven by one local thread at a time
 * (the oldest waiting thread; when it gives up, the next takes over with the same owner, keeping its place in the
 * Redis queue). {@link GrantNotices} delivers to it what releases elsewhere announce.
 */
final class Acquisition {
    private final String key;
    private final String owner;
    private volatile Thread driver;
    /** When the last attempt that found the lock busy was sent: a hand-off announced later happened after it. */
    private volatile long busySentAtNanos;
    /** Whether an attempt may have put this owner in a Redis queue, so that giving up must take it out. */
    private volatile boolean joined;
    private long handedToken;
    private long handedLeaseMillis;
    private boolean woken;

    Acquisition(String key, String owner) {
        this.key = key;
        this.owner = owner;
    }

    String key() {
        return key;
    }

    String owner() {
        return owner;
    }

    void drivenBy(Thread thread) {
        driver = thread;
    }

    void joined() {
        joined = true;
    }

    boolean hasJoined() {
        return joined;
    }

    void busyAsOf(long sentAtNanos) {
        busySentAtNanos = sentAtNanos;
    }

    long busySentAtNanos() {
        return busySentAtNanos;
    }

    /** A release handed the lock to this owner. */
    synchronized void handed(long token, long leaseMillis) {
        handedToken = token;
        handedLeaseMillis = leaseMillis;
        wake();
    }

    /** A release asks this owner to try again (RedLock). */
    synchronized void wake() {
        woken = true;
        Thread current = driver;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** The token of a hand-off announced so far, or 0. */
    synchronized long handedToken() {
        return handedToken;
    }

    synchronized long handedLeaseMillis() {
        return handedLeaseMillis;
    }

    /**
     * Sleeps until a notice or for {@code nanos}, then forgets wake-ups (not hand-offs) for the next attempt.
     *
     * @return false when the thread is interrupted, which ends the wait; the interrupt stays set
     */
    boolean await(long nanos) {
        long deadline = System.nanoTime() + nanos;
        try {
            while (!isWoken()) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                LockSupport.parkNanos(this, left);
            }
            return true;
        } finally {
            synchronized (this) {
                woken = false;
            }
        }
    }

    private synchronized boolean isWoken() {
        return woken;
    }
}
