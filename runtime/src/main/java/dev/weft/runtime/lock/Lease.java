package dev.weft.runtime.lock;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * This JVM's grant of one key from Redis, from the acquire to the release there. Local hand-offs pass it from thread
 * to thread (each hand-off a {@link HeldLock} of its own); {@link LeaseKeeper} renews it meanwhile.
 *
 * <p>Fencing tokens: the Redis token of the grant, shifted left by {@link #LOCAL_BITS}, plus the number of local
 * hand-offs so far. The next Redis grant of the key has a Redis token at least one higher, so every token of this
 * lease stays below it.
 */
final class Lease {
    static final int LOCAL_BITS = 10;

    private final String key;
    private final String owner;
    private final long redisToken;
    private final Duration duration;
    private final long grantedAtNanos;
    private volatile long validUntilNanos;
    private volatile boolean released;
    private volatile boolean lost;
    private volatile Future<?> renewal;
    /** The thread hold using the lease now; changed under the key's {@link KeyQueue} lock only. */
    private volatile HeldLock holder;
    /** Local hand-offs so far; under the key's {@link KeyQueue} lock only. */
    private int localGrants;

    Lease(String key, String owner, long redisToken, Duration duration, long validUntilNanos) {
        this.key = key;
        this.owner = owner;
        this.redisToken = redisToken;
        this.duration = duration;
        this.grantedAtNanos = System.nanoTime();
        this.validUntilNanos = validUntilNanos;
    }

    String key() {
        return key;
    }

    String owner() {
        return owner;
    }

    /** The token the Redis nodes handed out (the largest of the majority). */
    long redisToken() {
        return redisToken;
    }

    Duration duration() {
        return duration;
    }

    long grantedAtNanos() {
        return grantedAtNanos;
    }

    /** The fencing token of the next thread to hold this lease. */
    long nextToken() {
        return redisToken << LOCAL_BITS | localGrants;
    }

    int localGrants() {
        return localGrants;
    }

    void countLocalGrant() {
        localGrants++;
    }

    HeldLock holder() {
        return holder;
    }

    void holder(HeldLock hold) {
        holder = hold;
    }

    long validUntilNanos() {
        return validUntilNanos;
    }

    void validUntilNanos(long nanos) {
        validUntilNanos = nanos;
    }

    boolean isLost() {
        return lost;
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

    void renewal(Future<?> next) {
        renewal = next;
    }
}
