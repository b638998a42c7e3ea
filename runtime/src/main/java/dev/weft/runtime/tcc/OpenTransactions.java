package dev.weft.runtime.tcc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Every global transaction this process has open, and the counters of {@code dev.weft:type=Transactions}. */
final class OpenTransactions {
    private final Map<String, GlobalTransaction> open = new ConcurrentHashMap<>();
    private final LongAdder begun = new LongAdder();
    private final LongAdder committed = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();
    private final Xids xids = new Xids();

    /** A global method entered on this thread: a new transaction, running until its method returns. */
    GlobalTransaction begin(String origin, Duration timeout) {
        long now = System.currentTimeMillis();
        GlobalTransaction transaction = new GlobalTransaction(xids.next(), origin, now, now + timeout.toMillis(), true);
        open.put(transaction.xid, transaction);
        begun.increment();
        return transaction;
    }

    void recovered(GlobalTransaction transaction) {
        open.put(transaction.xid, transaction);
    }

    /** Counted when the decision is taken: a commit only once it is durable, as the caller is then told. */
    void decided(boolean commit) {
        (commit ? committed : rolledBack).increment();
    }

    void finished(GlobalTransaction transaction) {
        open.remove(transaction.xid, transaction);
    }

    GlobalTransaction get(String xid) {
        return open.get(xid);
    }

    List<GlobalTransaction> all() {
        return List.copyOf(open.values());
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
        return open.values().stream().filter(GlobalTransaction::running).count();
    }

    /** Handed to the recovery thread: phase two being retried, or found unfinished in the log. */
    long recovering() {
        return open.values().stream().filter(t -> !t.running() && !t.failed()).count();
    }
}
