package dev.weft.runtime.tcc;

import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The background side of a transaction log: finishing what callers left to it, and what an operator sees and does
 * through {@code dev.weft:type=Transactions}. {@link Finisher} for the file log, {@link SharedRecovery} for a shared
 * one.
 */
interface Recovery extends AutoCloseable {
    /** Begins, once the rules are woven. */
    void start();

    /** The log, for messages. */
    String describe();

    /** Transactions in phase two being retried, or found unfinished. */
    long recovering();

    /** Open transactions, FAILED ones included. */
    List<TransactionInfo> openTransactions();

    /** @return false when {@code xid} is not a FAILED transaction */
    boolean retry(String xid);

    /** @return false when {@code xid} is not a FAILED transaction */
    boolean forget(String xid);

    @Override
    void close();

    /**
     * The one thread of recovery, {@code weft-tcc-recovery}: a daemon, so that a transaction stuck in phase two never
     * keeps the JVM alive.
     */
    static ScheduledThreadPoolExecutor newThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "weft-tcc-recovery");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
