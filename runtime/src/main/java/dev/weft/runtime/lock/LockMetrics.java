package dev.weft.runtime.lock;

import dev.weft.runtime.metrics.Histogram;
import java.util.concurrent.atomic.LongAdder;

/** Counters and timings of one {@link LockService}, safe to read from any thread (JMX). */
public final class LockMetrics {
    private final LongAdder acquired = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder heldNow = new LongAdder();
    private final Histogram waits = new Histogram();
    private final Histogram holds = new Histogram();

    LockMetrics() {
    }

    /** Grants, from Redis or handed over between threads of this JVM; a thread re-entering its lock is none. */
    public long acquired() {
        return acquired.sum();
    }

    /** Acquires that ended without the lock because it stayed busy (thrown or skipped). */
    public long busy() {
        return busy.sum();
    }

    /** Leases found gone while held: a lease that could not be renewed, or a key expired or deleted. */
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

    /** From the call to the grant, for every grant (zero-wait ones included). */
    public Histogram waitTimes() {
        return waits;
    }

    /** From the grant to the outermost release. */
    public Histogram holdTimes() {
        return holds;
    }

    public long waitNanosP50() {
        return waits.percentileNanos(50);
    }

    public long waitNanosP99() {
        return waits.percentileNanos(99);
    }

    public long holdNanosP50() {
        return holds.percentileNanos(50);
    }

    public long holdNanosP99() {
        return holds.percentileNanos(99);
    }

    void onAcquired(long waitedNanos) {
        acquired.increment();
        heldNow.increment();
        waits.record(waitedNanos);
    }

    void onReleased(long heldNanos) {
        heldNow.decrement();
        holds.record(heldNanos);
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
