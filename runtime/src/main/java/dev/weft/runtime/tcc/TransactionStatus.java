package dev.weft.runtime.tcc;

/** Where an open global transaction stands (finished ones are forgotten). */
public enum TransactionStatus {
    /** Its global method is running, or it was found unfinished in the log with no decision. */
    TRYING,
    COMMITTING,
    ROLLING_BACK,
    /** Phase two gave up after {@code transactions.retry.maxAttempts}; it waits for an operator (JMX retry/forget). */
    FAILED
}
