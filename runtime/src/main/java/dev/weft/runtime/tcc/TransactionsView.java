package dev.weft.runtime.tcc;

import dev.weft.runtime.jmx.TransactionInfo;
import dev.weft.runtime.jmx.TransactionsMXBean;
import java.util.List;

/**
 * {@code dev.weft:type=Transactions}: counters of this process, and the open transactions as its log shows them (with a
 * shared log, those of every instance).
 */
final class TransactionsView implements TransactionsMXBean {
    private final OpenTransactions open;
    private final Recovery recovery;

    TransactionsView(OpenTransactions open, Recovery recovery) {
        this.open = open;
        this.recovery = recovery;
    }

    @Override
    public long getBegun() {
        return open.begun();
    }

    @Override
    public long getCommitted() {
        return open.committed();
    }

    @Override
    public long getRolledBack() {
        return open.rolledBack();
    }

    @Override
    public long getActive() {
        return open.active();
    }

    @Override
    public long getRecovering() {
        return recovery.recovering();
    }

    @Override
    public long getFailed() {
        return getFailedTransactions().size();
    }

    @Override
    public List<TransactionInfo> getOpenTransactions() {
        return recovery.openTransactions();
    }

    @Override
    public List<TransactionInfo> getFailedTransactions() {
        return recovery.openTransactions().stream()
                .filter(t -> Recovery.FAILED.equals(t.getStatus())).toList();
    }

    @Override
    public boolean retry(String xid) {
        return recovery.retry(xid);
    }

    @Override
    public boolean forget(String xid) {
        return recovery.forget(xid);
    }
}
