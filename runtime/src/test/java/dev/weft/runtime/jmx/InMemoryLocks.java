package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.HeldLockInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A lock service's state, set by the test; enough to read the Locks MXBean against. */
final class InMemoryLocks implements LockIntrospection {
    long acquired;
    long busy;
    long lost;
    long errors;
    List<HeldLockInfo> held = List.of();
    Map<String, Integer> waiters = Map.of();
    private final List<Consumer<HeldLockInfo>> lostListeners = new ArrayList<>();

    /** As the lock service would report a loss: counted, marked, and told to the listeners. */
    void lose(HeldLockInfo lock) {
        lost++;
        lostListeners.forEach(listener -> listener.accept(lock));
    }

    @Override public long acquired() { return acquired; }
    @Override public long busy() { return busy; }
    @Override public long lost() { return lost; }
    @Override public long errors() { return errors; }
    @Override public long heldNow() { return held.size(); }
    @Override public List<HeldLockInfo> heldLocks() { return held; }
    @Override public Map<String, Integer> waitersByKey() { return waiters; }
    @Override public void onLost(Consumer<HeldLockInfo> listener) { lostListeners.add(listener); }
}
