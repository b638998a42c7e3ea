package dev.weft.runtime.jmx;

import java.util.List;

/**
 * {@code dev.weft:type=Transactions}, registered by the TCC runtime when transactions are configured (SPEC section
 * 5). {@code weft status} reads exactly these attributes; the TCC runtime may add more, and operations.
 */
public interface TransactionsMXBean {
    long getBegun();

    long getCommitted();

    long getRolledBack();

    /** Global transactions running now. */
    long getActive();

    /** Transactions recovery still has to finish or roll back: the recovery backlog. */
    long getRecovering();

    /** Transactions whose confirm or cancel keeps failing and that need an operator. */
    long getFailed();

    /** Transactions not finished yet, active and recovering, oldest first. */
    List<TransactionView> getOpenTransactions();

    List<TransactionView> getFailedTransactions();
}
