package dev.weft.runtime.txlog;

/** Another process (or another log in this one) holds the file log's directory ({@link DirectoryLock}). */
public final class DirectoryInUseException extends TransactionLogException {
    private static final long serialVersionUID = 1L;

    DirectoryInUseException(String message) {
        super(message);
    }
}
