package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.LockMetrics;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The lock counters alone: {@link dev.weft.runtime.lock.LockService} does not expose held locks, waiters or loss
 * events yet, so none are reported (the {@code Lost} counter still counts losses).
 */
public final class MetricsOnlyLocks implements LockIntrospection {
    private final LockMetrics metrics;

    public MetricsOnlyLocks(LockMetrics metrics) {
        this.metrics = metrics;
    }

    @Override public long acquired() { return metrics.acquired(); }
    @Override public long busy() { return metrics.busy(); }
    @Override public long lost() { return metrics.lost(); }
    @Override public long errors() { return metrics.errors(); }
    @Override public long heldNow() { return metrics.heldNow(); }
    @Override public List<HeldLockView> heldLocks() { return List.of(); }
    @Override public Map<String, Integer> waitersByKey() { return Map.of(); }
    @Override public void onLost(Consumer<HeldLockView> listener) { }
}
