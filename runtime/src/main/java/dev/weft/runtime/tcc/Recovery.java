package dev.weft.runtime.tcc;

import dev.weft.runtime.jmx.TransactionInfo;
import java.util.List;

/**
 * The background side of a transaction log: finishing what callers left to it, and what an operator sees and does
 * through {@code dev.weft:type=Transactions}. {@link Finisher} for the file log, {@link SharedRecovery} for a shared one.
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
}
