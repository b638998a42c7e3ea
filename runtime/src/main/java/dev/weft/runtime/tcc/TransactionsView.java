package dev.weft.runtime.tcc;

import java.util.List;

/**
 * What an operator may see of this process's transactions and do about them: counters of this process, and the open
 * transactions as its log shows them (with a shared log, those of every instance). {@code dev.weft:type=Transactions}
 * reads it.
 */
public final class TransactionsView {
    private final OpenTransactions open;
    private final Recovery recovery;

    TransactionsView(OpenTransactions open, Recovery recovery) {
        this.open = open;
        this.recovery = recovery;
    }

    /** Global transactions begun here (joined nested ones are not counted again). */
    public long begun() {
        return open.begun();
    }

    /** Commit decisions made durable: the global method returned normally. */
    public long committed() {
        return open.committed();
    }

    /** Rollback decisions: the global method threw, ran past its timeout, or was found undecided after a crash. */
    public long rolledBack() {
        return open.rolledBack();
    }

    /** Global methods running now. */
    public long active() {
        return open.active();
    }

    /** Transactions whose phase two is being retried, or that were found unfinished in the log. */
    public long recovering() {
        return recovery.recovering();
    }

    /** Every open transaction: active, recovering and failed. */
    public List<TransactionInfo> openTransactions() {
        return recovery.openTransactions();
    }

    /** Transactions whose confirm or cancel gave up after {@code transactions.retry.maxAttempts}. */
    public List<TransactionInfo> failedTransactions() {
        return recovery.openTransactions().stream()
                .filter(t -> TransactionStatus.FAILED.name().equals(t.status())).toList();
    }

    /** Starts the attempts of a FAILED transaction again (after its cause was fixed); false if no such one. */
    public boolean retry(String xid) {
        return recovery.retry(xid);
    }

    /** Ends a FAILED transaction without phase two, once it was resolved by hand; false if no such one. */
    public boolean forget(String xid) {
        return recovery.forget(xid);
    }
}
