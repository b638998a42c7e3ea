package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.weave.Percentiles;
import dev.weft.runtime.weave.SelectorStats;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.MBeanNotificationInfo;

/**
 * {@link LocksMXBean} over the lock service, plus wait and hold times measured around the locked methods (see
 * {@link SelectorStats}). Turns every lost lock into a notification.
 */
final class LocksBean implements LocksMXBean {
    /** Notification type of a lock lost while held; its user data is a {@link HeldLockInfo} as CompositeData. */
    static final String LOCK_LOST = "dev.weft.lock.lost";
    static final MBeanNotificationInfo NOTIFICATIONS = new MBeanNotificationInfo(new String[] {LOCK_LOST},
            javax.management.Notification.class.getName(),
            "A lock was lost while held: its lease could not be renewed, or its key expired or was deleted");

    private final LockIntrospection locks;
    private final Supplier<List<SelectorStats>> lockSelectors;

    LocksBean(LockIntrospection locks, Supplier<List<SelectorStats>> lockSelectors, WeftNotifier notifier) {
        this.locks = locks;
        this.lockSelectors = lockSelectors;
        locks.onLost(lock -> notifier.send(LOCK_LOST, "lock \"" + lock.key() + "\" held by thread "
                + lock.holderThread() + " was lost; its fencing token " + lock.token() + " is stale", lock));
    }

    @Override
    public long getAcquired() {
        return locks.acquired();
    }

    @Override
    public long getBusy() {
        return locks.busy();
    }

    @Override
    public long getLost() {
        return locks.lost();
    }

    @Override
    public long getErrors() {
        return locks.errors();
    }

    @Override
    public long getHeldNow() {
        return locks.heldNow();
    }

    @Override
    public List<HeldLockInfo> getHeldLocks() {
        return locks.heldLocks();
    }

    @Override
    public Map<String, Integer> getWaiters() {
        return locks.waitersByKey();
    }

    @Override
    public Percentiles getWaitTimes() {
        return SelectorStats.waitTimes(lockSelectors.get());
    }

    @Override
    public Percentiles getHoldTimes() {
        return SelectorStats.runTimes(lockSelectors.get());
    }
}
