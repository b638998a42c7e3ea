package dev.weft.runtime.tcc;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Carries a global transaction over HTTP (docs/distributed-tcc.md): an outgoing request made inside one carries its
 * context in headers, and an incoming request with those headers binds the transaction to the thread that serves it,
 * so that participants called there register their branches in the shared log. Only with a shared log
 * ({@code transactions.log.type: redis | jdbc}); with the file log nothing is sent and incoming headers are ignored.
 */
public interface TransactionPropagation {
    /** The header that names the transaction. */
    String XID_HEADER = "Weft-Xid";

    /**
     * Headers to add to a request this thread sends now: empty outside a global transaction. The transaction is in the
     * shared log before this returns, so the called service can register branches at once.
     *
     * @throws dev.weft.api.WeftBackendException when the transaction cannot be recorded: the request must not be sent
     */
    Map<String, String> outgoingHeaders();

    /**
     * Binds the transaction named in an incoming request's headers to this thread until the returned scope is closed.
     *
     * @param header the request's header by name (case-insensitive), null when absent
     * @return a scope to close when the request has been served; closing a scope of a request without the header does
     *     nothing
     */
    Scope bindIncoming(UnaryOperator<String> header);

    /** The end of serving one request. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** No shared log: nothing to send, nothing to bind. */
    TransactionPropagation NONE = new TransactionPropagation() {
        @Override
        public Map<String, String> outgoingHeaders() {
            return Map.of();
        }

        @Override
        public Scope bindIncoming(UnaryOperator<String> header) {
            return () -> {
            };
        }
    };
}
