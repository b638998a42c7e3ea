package dev.weft.runtime.lock;

/**
 * One thread's grant of a lock, from {@link LockService#acquire} until its outermost {@link LockService#release}.
 * A thread that takes the same key again gets the same object back. A hand-off to another thread of this JVM is a
 * new grant, with a new object and a higher token.
 */
public final class HeldLock {
    private final LockSpace space;
    private final Lease lease;
    private final long token;
    private final Thread thread;
    private final LockOptions options;
    private final long grantedAtNanos = System.nanoTime();
    /**
     * Acquires minus releases on the owning thread; only that thread changes it. Guarded by this, but for a reentry
     * and its return ({@link #enter}, {@link #exitInnerHold}), which keep it at 1 or more: another thread (a
     * transaction ending) only reads it, to see whether it is 0, so a value it may read stale then is never 0.
     */
    private int holds = 1;
    /** Transactions that must end before the release (docs/locks.md, "Held until the data is committed"). */
    private int pendingEnds;
    /** Set once the release is under way; after it, the thread cannot re-enter this grant. Guarded by this. */
    private boolean released;
    private volatile boolean lost;

    HeldLock(LockSpace space, Lease lease, Thread thread, LockOptions options) {
        this.space = space;
        this.lease = lease;
        this.token = lease.nextToken();
        this.thread = thread;
        this.options = options;
    }

    /** The lock's key as rendered from the template, without the Redis prefix. */
    public String key() {
        return lease.key();
    }

    /** The fencing token of this grant. */
    public long token() {
        return token;
    }

    /** True once the lease was found lost while this grant held it; its token is then stale. */
    public boolean isLost() {
        return lost;
    }

    LockSpace space() {
        return space;
    }

    Lease lease() {
        return lease;
    }

    Thread thread() {
        return thread;
    }

    LockOptions options() {
        return options;
    }

    long grantedAtNanos() {
        return grantedAtNanos;
    }

    String describe() {
        return options.describe(lease.key());
    }

    void markLost() {
        lost = true;
    }

    /** On the owning thread, for a lock its running method holds (so at least 1 already): see {@link #holds}. */
    void enter() {
        holds++;
    }

    synchronized boolean isOutermostHold() {
        return holds == 1;
    }

    /**
     * Ends the hold if it is not the outermost one (a reentrant call returning): then nothing else is to be done. On
     * the owning thread, leaving at least 1: see {@link #holds}.
     */
    boolean exitInnerHold() {
        if (holds > 1) {
            holds--;
            return true;
        }
        return false;
    }

    /**
     * Ends one hold.
     *
     * @return true when the lock is to be released now: that was the outermost hold and no transaction is awaited
     */
    synchronized boolean exit() {
        return --holds == 0 && releaseIfUnused();
    }

    /** Whether the lock's release waits for transactions to end (and no hold of its thread is open). */
    synchronized boolean isDeferred() {
        return holds == 0 && pendingEnds > 0 && !released;
    }

    /** The thread takes its deferred lock again; false once the release is under way (it must acquire anew). */
    synchronized boolean resume() {
        if (released) {
            return false;
        }
        holds++;
        return true;
    }

    synchronized void awaitTransactionEnd() {
        pendingEnds++;
    }

    /** @return true when the lock is to be released now: the last awaited transaction ended and no hold is open */
    synchronized boolean transactionEnded() {
        return --pendingEnds == 0 && releaseIfUnused();
    }

    private boolean releaseIfUnused() {
        if (holds > 0 || pendingEnds > 0 || released) {
            return false;
        }
        released = true;
        return true;
    }

    HeldLockInfo info(long nowNanos) {
        return new HeldLockInfo(key(), thread.getName(), token, (nowNanos - grantedAtNanos) / 1_000_000,
                (lease.validUntilNanos() - nowNanos) / 1_000_000, lost);
    }

    @Override
    public String toString() {
        return "HeldLock[" + key() + ", token " + token + (lost ? ", lost" : "") + "]";
    }
}
