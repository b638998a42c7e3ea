package dev.weft.runtime.tcc;

/**
 * One open global transaction, as operators see it (a row of {@code dev.weft:type=Transactions}, CompositeData in
 * JConsole).
 *
 * @param status          TRYING, COMMITTING, ROLLING_BACK or FAILED
 * @param origin          the global method that began it, {@code Class#method}
 * @param startedAt       epoch milliseconds
 * @param deadline        epoch milliseconds; undecided after this, it rolls back
 * @param pendingBranches branches still to be confirmed or cancelled
 * @param attempts        failed attempts of phase two so far
 * @param lastError       why the last attempt failed, or what phase two waits for; null if nothing went wrong
 */
public record TransactionInfo(String xid, String status, String origin, long startedAt, long deadline, int branches,
                              int pendingBranches, int attempts, String lastError) {
}
