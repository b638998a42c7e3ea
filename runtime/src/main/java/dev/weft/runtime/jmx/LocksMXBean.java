package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.weave.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * {@code dev.weft:type=Locks}: the locks of this JVM (SPEC section 5). Emits a {@value LocksBean#LOCK_LOST}
 * notification for every lock lost while held.
 *
 * <p>No operations: releasing or breaking somebody's lock from outside is exactly what a lock must prevent.
 */
public interface LocksMXBean {
    /** Grants from Redis since start; re-entering a lock the thread holds is not a grant. */
    long getAcquired();

    /** Acquires that ended without the lock because it stayed busy (thrown or skipped). */
    long getBusy();

    /** Locks found gone while still held. */
    long getLost();

    /** Redis calls that failed, background renewals and releases included. */
    long getErrors();

    long getHeldNow();

    /** The locks held at this moment, with holder thread, fencing token, time held and lease left. */
    List<HeldLockInfo> getHeldLocks();

    /** Threads of this JVM waiting for a lock, by lock key; keys nobody waits for are left out. */
    Map<String, Integer> getWaiters();

    /** Time to take a lock, waiting included, over every locked method since start. */
    Percentiles getWaitTimes();

    /** Time a lock was held, over every locked method since start. */
    Percentiles getHoldTimes();
}
