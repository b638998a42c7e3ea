package dev.weft.runtime.tcc;

/**
 * The global transaction of the current thread. It follows the thread only: a thread started, or a task submitted
 * to an executor, inside a global method does not join it (see docs/tcc.md, "Threads and executors").
 */
final class CurrentTransaction {
    private static final ThreadLocal<GlobalTransaction> CURRENT = new ThreadLocal<>();

    private CurrentTransaction() {
    }

    static GlobalTransaction get() {
        return CURRENT.get();
    }

    static void bind(GlobalTransaction transaction) {
        CURRENT.set(transaction);
    }

    /** Removes the entry, so that pooled threads keep nothing of a finished transaction. */
    static void unbind() {
        CURRENT.remove();
    }
}
