package dev.weft.runtime.tcc;

import dev.weft.runtime.log.Log;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A global transaction over HTTP with a shared log: an outgoing request carries its xid and deadline once the root has
 * recorded it, and a request that carries them binds a joined transaction to the thread that serves it. The serving
 * side never decides: its participants only register branches, which the root's decision finishes.
 */
final class SharedPropagation implements TransactionPropagation {
    /** Epoch millis after which the serving side refuses tries without asking the log. */
    static final String DEADLINE_HEADER = "Weft-Deadline";
    /** Xids as {@link Xids} makes them, with room to spare; anything else is not Weft's and is not bound. */
    private static final Pattern XID = Pattern.compile("[0-9A-Za-z._:-]{1,100}");
    private static final Scope NOTHING_BOUND = () -> {
    };

    private final Coordinator coordinator;

    SharedPropagation(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public Map<String, String> outgoingHeaders() {
        GlobalTransaction transaction = CurrentTransaction.get();
        if (transaction == null) {
            return Map.of();
        }
        coordinator.ensureBegun(transaction);
        return Map.of(XID_HEADER, transaction.xid, DEADLINE_HEADER, Long.toString(transaction.deadline));
    }

    /** A thread already in a transaction (a request served in-process by its caller's thread) keeps it. */
    @Override
    public Scope bindIncoming(UnaryOperator<String> header) {
        String xid = header.apply(XID_HEADER);
        if (xid == null || CurrentTransaction.get() != null) {
            return NOTHING_BOUND;
        }
        if (!XID.matcher(xid).matches()) {
            Log.warn("ignored an HTTP request header " + XID_HEADER + " that is not a Weft transaction id; the"
                    + " request is served outside any global transaction");
            return NOTHING_BOUND;
        }
        CurrentTransaction.bind(GlobalTransaction.joined(xid, deadline(header.apply(DEADLINE_HEADER))));
        return CurrentTransaction::unbind;
    }

    /** Without a readable deadline only the log refuses late tries (it knows the transaction's state). */
    private static long deadline(String header) {
        try {
            return header == null ? Long.MAX_VALUE : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
