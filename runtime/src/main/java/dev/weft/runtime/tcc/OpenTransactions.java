package dev.weft.runtime.tcc;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The global methods running in this process, and the counters of {@code dev.weft:type=Transactions}; what happens
 * after their decision is the log's to show.
 */
final class OpenTransactions {
    private final Map<String, GlobalTransaction> open = new ConcurrentHashMap<>();
    private final LongAdder begun = new LongAdder();
    private final LongAdder committed = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();
    private final Xids xids = new Xids();

    /** A global method entered on this thread: a new transaction, running until its method returns. */
    GlobalTransaction begin(String origin, Duration timeout) {
        long now = System.currentTimeMillis();
        GlobalTransaction transaction = GlobalTransaction.root(xids.next(), origin, now, now + timeout.toMillis());
        open.put(transaction.xid, transaction);
        begun.increment();
        return transaction;
    }

    /** Counted when the decision is taken: a commit only once it is durable, as the caller is then told. */
    void decided(boolean commit) {
        (commit ? committed : rolledBack).increment();
    }

    /** Its global method returned or threw, and the root handed what is left to the log. */
    void finished(GlobalTransaction transaction) {
        open.remove(transaction.xid, transaction);
    }

    GlobalTransaction get(String xid) {
        return open.get(xid);
    }

    long begun() {
        return begun.sum();
    }

    long committed() {
        return committed.sum();
    }

    long rolledBack() {
        return rolledBack.sum();
    }

    /** Global methods running now. */
    long active() {
        return open.size();
    }
}
