package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.lock.LockService;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The live lock service, as the Locks bean reads it. */
public final class LockServiceIntrospection implements LockIntrospection {
    private final LockService locks;

    public LockServiceIntrospection(LockService locks) {
        this.locks = locks;
    }

    @Override
    public long acquired() {
        return locks.metrics().acquired();
    }

    @Override
    public long busy() {
        return locks.metrics().busy();
    }

    @Override
    public long lost() {
        return locks.metrics().lost();
    }

    @Override
    public long errors() {
        return locks.metrics().errors();
    }

    @Override
    public long heldNow() {
        return locks.metrics().heldNow();
    }

    @Override
    public List<HeldLockInfo> heldLocks() {
        return locks.heldLocks();
    }

    @Override
    public Map<String, Integer> waitersByKey() {
        return locks.waitersByKey();
    }

    @Override
    public void onLost(Consumer<HeldLockInfo> listener) {
        locks.onLost(listener);
    }
}
