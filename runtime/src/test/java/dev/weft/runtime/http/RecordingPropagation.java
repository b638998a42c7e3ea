package dev.weft.runtime.http;

import dev.weft.runtime.tcc.TransactionPropagation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A stand-in for the shared log's propagation: sends the xid of {@link #inTransaction}, records what is bound. */
final class RecordingPropagation implements TransactionPropagation {
    /** The Weft-Xid of each bound incoming request ("null" when absent), in order. */
    final List<String> bound = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private volatile RuntimeException failure;

    void reset() {
        bound.clear();
        closed.set(0);
        failure = null;
    }

    void failWith(RuntimeException e) {
        failure = e;
    }

    <T> T inTransaction(String xid, Supplier<T> work) {
        current.set(xid);
        try {
            return work.get();
        } finally {
            current.remove();
        }
    }

    @Override
    public Map<String, String> outgoingHeaders() {
        if (failure != null) {
            throw failure;
        }
        String xid = current.get();
        return xid == null ? Map.of() : Map.of(XID_HEADER, xid, "Weft-Deadline", "1");
    }

    @Override
    public Scope bindIncoming(UnaryOperator<String> header) {
        bound.add(String.valueOf(header.apply(XID_HEADER)));
        return closed::incrementAndGet;
    }
}
