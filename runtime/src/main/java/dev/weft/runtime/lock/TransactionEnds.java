package dev.weft.runtime.lock;

import java.util.List;

/**
 * The transactions a lock's release waits for: a locked method that returns inside a transaction has written data
 * that only its commit makes visible, so the lock is released when that transaction ends, not when the method does
 * (docs/locks.md, "Held until the data is committed").
 */
public interface TransactionEnds {
    /** No transaction is ever waited for: locks are released when their method returns. */
    TransactionEnds NONE = (woven, release) -> {
    };

    /** Each of {@code kinds}, in order. */
    static TransactionEnds all(List<TransactionEnds> kinds) {
        List<TransactionEnds> copy = List.copyOf(kinds);
        return (woven, release) -> {
            for (TransactionEnds kind : copy) {
                kind.attach(woven, release);
            }
        };
    }

    /**
     * Called when a locked method's outermost hold ends on its thread. For each transaction active on this thread
     * that holds the method's work, calls {@link PendingRelease#awaitEnd()} and runs the answer once that
     * transaction has ended (committed or rolled back), on whatever thread ends it.
     *
     * @param woven the woven class, through whose loader the application's transaction managers are found
     * @throws RuntimeException when a transaction is active but the release could not be tied to its end
     */
    void attach(Class<?> woven, PendingRelease release);

    /** A lock's release, waiting for transactions to end. */
    interface PendingRelease {
        /** One more transaction to wait for; run the answer exactly once, when it has ended. */
        Runnable awaitEnd();

        /** The lock, for messages. */
        String describe();
    }
}
