package dev.weft.runtime.txlog;

/** The transaction log could not be opened, read or written; the message says which file and what to do. */
public class TransactionLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransactionLogException(String message) {
        super(message);
    }

    public TransactionLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
