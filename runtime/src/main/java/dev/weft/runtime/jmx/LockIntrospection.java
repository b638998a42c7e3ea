package dev.weft.runtime.jmx;

import dev.weft.runtime.lock.HeldLockInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What {@code dev.weft:type=Locks} reads from the lock service. Every method is called from JMX threads. */
public interface LockIntrospection {
    long acquired();

    long busy();

    long lost();

    long errors();

    long heldNow();

    List<HeldLockInfo> heldLocks();

    Map<String, Integer> waitersByKey();

    /** {@code listener} is called once for every lock lost while held, on whichever thread found the loss. */
    void onLost(Consumer<HeldLockInfo> listener);
}
