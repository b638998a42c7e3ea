package dev.weft.runtime.lock;

import dev.weft.runtime.config.OnLost;
import dev.weft.runtime.log.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Makes a lost lease loud, once: an error line, the {@code Lost} count, the holder's token marked stale, the holder
 * thread interrupted when its rule says {@code onLost: interrupt} and it still runs, and the listeners (JMX notifications) told.
 */
final class LossReporter {
    private final LockMetrics metrics;
    private final List<Consumer<HeldLockInfo>> listeners = new CopyOnWriteArrayList<>();

    LossReporter(LockMetrics metrics) {
        this.metrics = metrics;
    }

    void addListener(Consumer<HeldLockInfo> listener) {
        listeners.add(listener);
    }

    /** A loss found while the holder runs: with {@code onLost: interrupt} its thread is interrupted. */
    void report(Lease lease, String why) {
        report(lease, why, true);
    }

    /** A loss found by the release: the holder's method has returned already, so its thread is left alone. */
    void reportAfterRelease(Lease lease, String why) {
        report(lease, why, false);
    }

    private void report(Lease lease, String why, boolean holderRunning) {
        if (!lease.markLost()) {
            return;
        }
        HeldLock holder = lease.holder();
        metrics.onLost();
        Log.error("lock " + holder.describe() + " was lost while held by thread " + holder.thread().getName() + ": "
                + why + "; its fencing token " + holder.token() + " is stale and another owner may hold the lock now");
        // after the error is written: a holder that sees the loss and ends its JVM at once must not outrun the log
        holder.markLost();
        if (holderRunning && holder.options().onLost() == OnLost.INTERRUPT) {
            holder.thread().interrupt();
        }
        HeldLockInfo info = holder.info(System.nanoTime());
        for (Consumer<HeldLockInfo> listener : listeners) {
            try {
                listener.accept(info);
            } catch (RuntimeException e) {
                Log.error("a listener for lost locks failed", e);
            }
        }
    }
}
