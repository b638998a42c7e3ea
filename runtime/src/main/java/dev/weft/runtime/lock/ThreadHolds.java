package dev.weft.runtime.lock;

import java.util.ArrayList;

/**
 * The locks each thread holds, innermost last. A lock re-entered is listed once per hold, so the innermost entry is
 * always the lock of the innermost locked method.
 */
final class ThreadHolds {
    // The list stays with its thread once made, so a thread that locks again allocates nothing here.
    private final ThreadLocal<ArrayList<HeldLock>> stacks = ThreadLocal.withInitial(() -> new ArrayList<>(4));

    /** The current thread's lock on {@code key} in {@code space}, held once more; null when it holds none. */
    HeldLock reenter(LockSpace space, String key) {
        ArrayList<HeldLock> stack = stacks.get();
        for (int i = stack.size() - 1; i >= 0; i--) {
            HeldLock lock = stack.get(i);
            if (lock.space() == space && lock.key().equals(key)) {
                lock.enter();
                stack.add(lock);
                return lock;
            }
        }
        return null;
    }

    void push(HeldLock lock) {
        stacks.get().add(lock);
    }

    void pop(HeldLock lock) {
        ArrayList<HeldLock> stack = stacks.get();
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i) == lock) {
                stack.remove(i);
                return;
            }
        }
    }

    long innermostToken() {
        ArrayList<HeldLock> stack = stacks.get();
        return stack.isEmpty() ? -1 : stack.get(stack.size() - 1).token();
    }
}
