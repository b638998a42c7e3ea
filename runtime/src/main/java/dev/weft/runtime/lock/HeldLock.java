package dev.weft.runtime.lock;

import java.util.concurrent.Future;

/**
 * One grant of a lock, from {@link LockService#acquire} until its outermost {@link LockService#release}. A thread
 * that takes the same key again gets the same object back.
 */
public final class HeldLock {
    private final String key;
    private final String redisKey;
    private final String owner;
    private final long token;
    private final LockOptions options;
    /** Acquires minus releases on the owning thread; only that thread touches it. */
    private int holds = 1;
    private volatile boolean released;
    private volatile boolean lost;
    /** Until when, by this JVM's clock, the lease is surely valid; moved on by each successful renewal. */
    private volatile long validUntilNanos;
    private volatile Future<?> renewal;

    HeldLock(String key, String redisKey, String owner, long token, LockOptions options, long validUntilNanos) {
        this.key = key;
        this.redisKey = redisKey;
        this.owner = owner;
        this.token = token;
        this.options = options;
        this.validUntilNanos = validUntilNanos;
    }

    /** The lock's key as rendered from the template, without the Redis prefix. */
    public String key() {
        return key;
    }

    /** The fencing token of this grant. */
    public long token() {
        return token;
    }

    /** True once the lock was found gone while held; its token is then stale. */
    public boolean isLost() {
        return lost;
    }

    String redisKey() {
        return redisKey;
    }

    String owner() {
        return owner;
    }

    LockOptions options() {
        return options;
    }

    String describe() {
        return options.describe(key);
    }

    void enter() {
        holds++;
    }

    /** @return true when this was the outermost hold */
    boolean exit() {
        return --holds == 0;
    }

    /** @return true the first time only, so a loss is reported once */
    synchronized boolean markLost() {
        if (lost) {
            return false;
        }
        lost = true;
        return true;
    }

    boolean isReleased() {
        return released;
    }

    void markReleased() {
        released = true;
        Future<?> pending = renewal;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    long validUntilNanos() {
        return validUntilNanos;
    }

    void validUntilNanos(long nanos) {
        validUntilNanos = nanos;
    }

    void renewal(Future<?> next) {
        renewal = next;
    }

    @Override
    public String toString() {
        return "HeldLock[" + key + ", token " + token + (lost ? ", lost" : "") + "]";
    }
}
