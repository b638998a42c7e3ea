package dev.weft.runtime.lock;

import java.util.ArrayList;

/**
 * The locks each thread holds: those of its running locked methods, innermost last, and those whose methods have
 * returned but whose release waits for a transaction to end (deferred). A lock re-entered is listed once per hold,
 * so the innermost entry is always the lock of the innermost locked method.
 */
final class ThreadHolds {
    // The lists stay with their thread once made, so a thread that locks again allocates nothing here.
    private final ThreadLocal<Holds> threads = ThreadLocal.withInitial(Holds::new);

    private static final class Holds {
        final ArrayList<HeldLock> running = new ArrayList<>(4);
        /** May list locks another thread has released since (a transaction that ended there); dropped when seen. */
        final ArrayList<HeldLock> deferred = new ArrayList<>(2);
    }

    /**
     * The current thread's lock on {@code key} in {@code space}, held once more; null when it holds none. A deferred
     * lock counts: the thread's own transaction has not ended, so its next call sees what the last one wrote.
     */
    HeldLock reenter(LockSpace space, String key) {
        Holds holds = threads.get();
        ArrayList<HeldLock> stack = holds.running;
        for (int i = stack.size() - 1; i >= 0; i--) {
            HeldLock lock = stack.get(i);
            if (lock.space() == space && lock.key().equals(key)) {
                lock.enter();
                stack.add(lock);
                return lock;
            }
        }
        ArrayList<HeldLock> deferred = holds.deferred;
        for (int i = deferred.size() - 1; i >= 0; i--) {
            HeldLock lock = deferred.get(i);
            if (lock.space() == space && lock.key().equals(key)) {
                deferred.remove(i);
                if (lock.resume()) {
                    stack.add(lock);
                    return lock;
                }
            }
        }
        return null;
    }

    void push(HeldLock lock) {
        threads.get().running.add(lock);
    }

    void pop(HeldLock lock) {
        ArrayList<HeldLock> stack = threads.get().running;
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) == lock) {
                stack.remove(i);
                return;
            }
        }
    }

    /** The current thread's method has returned; {@code lock} stays its own until a transaction ends. */
    void defer(HeldLock lock) {
        ArrayList<HeldLock> deferred = threads.get().deferred;
        deferred.removeIf(earlier -> !earlier.isDeferred());
        if (lock.isDeferred()) {
            deferred.add(lock);
        }
    }

    /** On the lock's own thread, once its deferred release has begun. */
    void forget(HeldLock lock) {
        threads.get().deferred.remove(lock);
    }

    /** Whether the current thread is running a locked method now. */
    boolean anyRunning() {
        return !threads.get().running.isEmpty();
    }

    long innermostToken() {
        ArrayList<HeldLock> stack = threads.get().running;
        return stack.isEmpty() ? -1 : stack.get(stack.size() - 1).token();
    }
}
