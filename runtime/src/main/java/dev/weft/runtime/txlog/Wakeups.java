package dev.weft.runtime.txlog;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Tells the services that own a transaction's branches that it is decided, so that phase two runs where each branch
 * lives without anyone polling (Redis pub/sub, whatever the log type). A missed message costs only time: the due
 * queue of the {@link TransactionLog} brings the transaction back.
 */
public interface Wakeups extends AutoCloseable {
    /**
     * @param participantClasses binary names of the classes of the branches still to be confirmed or cancelled
     * @throws TransactionLogException when the message could not be sent
     */
    void publish(String xid, Set<String> participantClasses);

    /** Calls {@code listener} with (xid, participant classes) for every message, on a thread of the implementation. */
    void subscribe(BiConsumer<String, Set<String>> listener);

    @Override
    void close();

    /** For a log with one member: nobody else to wake. */
    Wakeups NONE = new Wakeups() {
        @Override
        public void publish(String xid, Set<String> participantClasses) {
        }

        @Override
        public void subscribe(BiConsumer<String, Set<String>> listener) {
        }

        @Override
        public void close() {
        }
    };
}
