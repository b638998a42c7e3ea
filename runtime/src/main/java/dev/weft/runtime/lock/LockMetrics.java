package dev.weft.runtime.lock;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one {@link LockService}, safe to read from any thread (JMX). */
public final class LockMetrics {
    private final LongAdder acquired = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder heldNow = new LongAdder();

    LockMetrics() {
    }

    /** Grants from Redis; a thread re-entering a lock it holds is not a new grant. */
    public long acquired() {
        return acquired.sum();
    }

    /** Acquires that ended without the lock because it stayed busy (thrown or skipped). */
    public long busy() {
        return busy.sum();
    }

    /** Locks found gone while still held: a lease that could not be renewed, or a key expired or deleted. */
    public long lost() {
        return lost.sum();
    }

    /** Redis calls that failed: unreachable, error replies, timeouts; including background renewals and releases. */
    public long errors() {
        return errors.sum();
    }

    /** Grants held at this moment. */
    public long heldNow() {
        return heldNow.sum();
    }

    void onAcquired() {
        acquired.increment();
        heldNow.increment();
    }

    void onReleased() {
        heldNow.decrement();
    }

    void onBusy() {
        busy.increment();
    }

    void onLost() {
        lost.increment();
    }

    void onError() {
        errors.increment();
    }
}
