package dev.weft.api;

/**
 * A method of one kind of global transaction was called inside another kind: an {@code xa.global} method inside a TCC
 * global transaction, or a TCC global method inside an XA transaction. They do not nest (neither could undo the
 * other's work); the inner method does not run.
 */
public class TransactionNestingException extends WeftException {
    private static final long serialVersionUID = 1L;

    public TransactionNestingException(String message) {
        super(message);
    }
}
