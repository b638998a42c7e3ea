package dev.weft.runtime.jmx;

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
    List<HeldLockView> held = List.of();
    Map<String, Integer> waiters = Map.of();
    private final List<Consumer<HeldLockView>> lostListeners = new ArrayList<>();

    /** As the lock service would report a loss: counted, marked, and told to the listeners. */
    void lose(HeldLockView lock) {
        lost++;
        lostListeners.forEach(listener -> listener.accept(lock));
    }

    @Override public long acquired() { return acquired; }
    @Override public long busy() { return busy; }
    @Override public long lost() { return lost; }
    @Override public long errors() { return errors; }
    @Override public long heldNow() { return held.size(); }
    @Override public List<HeldLockView> heldLocks() { return held; }
    @Override public Map<String, Integer> waitersByKey() { return waiters; }
    @Override public void onLost(Consumer<HeldLockView> listener) { lostListeners.add(listener); }
}
