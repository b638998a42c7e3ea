package dev.weft.runtime.tcc;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.lock.HeldLock;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.lock.LockOptions;
import dev.weft.runtime.log.Log;
import java.time.Duration;

/**
 * The owner lock of a transaction in a shared log that keeps none itself (the JDBC log): Weft's own Redis lock, key
 * {@code tx-owner:<xid>}, so that one process at a time runs its phase two. A process that finds it busy leaves the
 * transaction to the holder, which wakes the others when it is done, and to the due queue.
 */
final class RedisOwnerLock implements OwnerLock {
    /**
     * Renewed by {@link LockService} while held. One lock per transaction: its record goes at release, or Redis would
     * keep one per transaction for a day.
     */
    private static final LockOptions OPTIONS = new LockOptions(LEASE, Duration.ZERO, OnBusy.SKIP, OnLost.LOG,
            LockMode.SINGLE, "phase two of a global transaction", false);

    private final LockService locks;

    RedisOwnerLock(LockService locks) {
        this.locks = locks;
    }

    /** Null also when Redis cannot say. */
    @Override
    public Held tryLock(String xid) {
        try {
            HeldLock held = locks.acquire(key(xid), OPTIONS);
            return held == null ? null : () -> locks.release(held);
        } catch (WeftBackendException e) {
            Log.warn("phase two of global transaction " + xid + " waits: its owner lock cannot be taken ("
                    + e.getMessage() + "); the due queue brings it back");
            return null;
        }
    }

    @Override
    public void awaitReleases() {
        locks.awaitReleases();
    }

    static String key(String xid) {
        return "tx-owner:" + xid;
    }
}
