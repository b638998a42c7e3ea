package dev.weft.api;

/** A global transaction ran past its timeout; its branches were cancelled. */
public class TransactionTimeoutException extends WeftException {
    private static final long serialVersionUID = 1L;

    public TransactionTimeoutException(String message) {
        super(message);
    }
}
