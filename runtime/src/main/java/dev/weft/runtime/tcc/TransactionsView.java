package dev.weft.runtime.tcc;

import dev.weft.runtime.jmx.TransactionInfo;
import dev.weft.runtime.jmx.TransactionsMXBean;
import java.util.List;

/** {@code dev.weft:type=Transactions} over the open transactions of this process. */
final class TransactionsView implements TransactionsMXBean {
    private final OpenTransactions open;
    private final Finisher finisher;

    TransactionsView(OpenTransactions open, Finisher finisher) {
        this.open = open;
        this.finisher = finisher;
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
        return open.recovering();
    }

    @Override
    public long getFailed() {
        return open.failed();
    }

    @Override
    public List<TransactionInfo> getOpenTransactions() {
        return open.all().stream().map(TransactionsView::info).toList();
    }

    @Override
    public List<TransactionInfo> getFailedTransactions() {
        return open.all().stream().filter(GlobalTransaction::failed).map(TransactionsView::info).toList();
    }

    @Override
    public boolean retry(String xid) {
        return finisher.retry(xid);
    }

    @Override
    public boolean forget(String xid) {
        return finisher.forget(xid);
    }

    private static TransactionInfo info(GlobalTransaction t) {
        return new TransactionInfo(t.xid, t.status().name(), t.origin, t.startedAt, t.deadline, t.branches.size(),
                (int) t.pendingBranches(), t.attempts, t.lastError);
    }
}
