package dev.weft.runtime.tcc;

/**
 * The global transaction of the current thread. Tasks the thread hands to executors and {@code CompletableFuture}s
 * carry it along ({@link TransactionCarrier}); a thread it starts itself does not (docs/tcc.md, "Threads and
 * executors").
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
