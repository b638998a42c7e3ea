package dev.weft.runtime.http;

import dev.weft.runtime.tcc.TransactionPropagation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A stand-in for the shared log's propagation: sends the xid of {@link #inTransaction}, records what is bound. */
final class RecordingPropagation implements TransactionPropagation {
    /** The Weft-Xid of each bound incoming request ("null" when absent), in order. */
    final List<String> bound = new CopyOnWriteArrayList<>();
    /** Scopes closed; a handler closes its scope after its response went out, so readers wait: {@link #awaitClosed}. */
    private final Semaphore closed = new Semaphore(0);
    private final ThreadLocal<String> current = new ThreadLocal<>();
    private volatile RuntimeException failure;

    void reset() {
        bound.clear();
        closed.drainPermits();
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
        return closed::release;
    }

    /** Waits until {@code count} scopes were closed since the last reset; false after 10 s. */
    boolean awaitClosed(int count) throws InterruptedException {
        if (!closed.tryAcquire(count, 10, TimeUnit.SECONDS)) {
            return false;
        }
        closed.release(count);
        return true;
    }

    /** Scopes closed so far, without waiting. */
    int closedNow() {
        return closed.availablePermits();
    }
}
