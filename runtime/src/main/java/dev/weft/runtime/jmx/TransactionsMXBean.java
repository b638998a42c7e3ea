package dev.weft.runtime.jmx;

import dev.weft.runtime.tcc.TransactionInfo;
import java.util.List;

/**
 * {@code dev.weft:type=Transactions}: TCC counters of this JVM since start (SPEC section 5), the transactions open
 * now, and the two things an operator can do about a FAILED one.
 */
public interface TransactionsMXBean {
    /** Global transactions begun here (joined nested ones are not counted again). */
    long getBegun();

    /** Commit decisions made durable: the global method returned normally. */
    long getCommitted();

    /** Rollback decisions: the global method threw, ran past its timeout, or was found undecided after a crash. */
    long getRolledBack();

    /** Global methods running now. */
    long getActive();

    /** Transactions whose phase two is being retried, or that were found unfinished in the log. */
    long getRecovering();

    /** Transactions whose confirm or cancel gave up after {@code transactions.retry.maxAttempts}. */
    long getFailed();

    /** Every open transaction: active, recovering and failed. */
    List<TransactionInfo> getOpenTransactions();

    List<TransactionInfo> getFailedTransactions();

    /** Starts the attempts of a FAILED transaction again (after its cause was fixed); false if no such one. */
    boolean retry(String xid);

    /** Ends a FAILED transaction without phase two, once it was resolved by hand; false if no such one. */
    boolean forget(String xid);
}
