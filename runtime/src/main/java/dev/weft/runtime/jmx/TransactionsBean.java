package dev.weft.runtime.jmx;

import dev.weft.runtime.tcc.TransactionInfo;
import dev.weft.runtime.tcc.TransactionsView;
import java.util.List;

/** {@link TransactionsMXBean} over the running transactions' {@link TransactionsView}. */
public final class TransactionsBean implements TransactionsMXBean {
    private final TransactionsView transactions;

    public TransactionsBean(TransactionsView transactions) {
        this.transactions = transactions;
    }

    @Override
    public long getBegun() {
        return transactions.begun();
    }

    @Override
    public long getCommitted() {
        return transactions.committed();
    }

    @Override
    public long getRolledBack() {
        return transactions.rolledBack();
    }

    @Override
    public long getActive() {
        return transactions.active();
    }

    @Override
    public long getRecovering() {
        return transactions.recovering();
    }

    @Override
    public long getFailed() {
        return getFailedTransactions().size();
    }

    @Override
    public List<TransactionInfo> getOpenTransactions() {
        return transactions.openTransactions();
    }

    @Override
    public List<TransactionInfo> getFailedTransactions() {
        return transactions.failedTransactions();
    }

    @Override
    public boolean retry(String xid) {
        return transactions.retry(xid);
    }

    @Override
    public boolean forget(String xid) {
        return transactions.forget(xid);
    }
}
