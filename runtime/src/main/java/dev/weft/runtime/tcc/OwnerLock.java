package dev.weft.runtime.tcc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock that lets one thread of one process at a time run phase two of a transaction, so that a confirm never runs
 * twice at once. It is never waited for: whoever finds it busy leaves the transaction to the holder and to the due
 * queue. With a shared log it is Weft's own Redis lock ({@link RedisOwnerLock}); a log with one member needs only a
 * lock in this process ({@link #local}).
 */
interface OwnerLock {
    /** @return the held lock, or null when it is busy or cannot be taken now (try again later) */
    Held tryLock(String xid);

    /** A taken owner lock. */
    interface Held {
        void release();
    }

    /** For a log only this process uses: the root's round and recovery's are the only rivals. */
    static OwnerLock local() {
        Set<String> held = ConcurrentHashMap.newKeySet();
        return xid -> held.add(xid) ? () -> held.remove(xid) : null;
    }
}
