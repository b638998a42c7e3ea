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
    /** Acquires minus releases on the owning thread; only that thread touches it. */
    private int holds = 1;
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

    void enter() {
        holds++;
    }

    /** @return true when this was the outermost hold */
    boolean exit() {
        return --holds == 0;
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
