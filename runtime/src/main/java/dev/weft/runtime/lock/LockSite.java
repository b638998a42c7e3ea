package dev.weft.runtime.lock;

import dev.weft.api.WeftException;
import dev.weft.runtime.key.WovenKeys;
import dev.weft.runtime.weave.Site;

/** A method woven with a lock: render the key, take the lock (or skip, or throw), release it after the body. */
final class LockSite implements Site {
    private final WovenKeys keys;
    private final LockService locks;
    private final LockOptions options;
    /** The woven class, through whose loader the application's transaction managers are found (docs/locks.md). */
    private volatile Class<?> woven;

    LockSite(WovenKeys keys, LockService locks, LockOptions options) {
        this.keys = keys;
        this.locks = locks;
        this.options = options;
    }

    /** LockService does, past a reentry: a thread re-entering a lock it holds stays in Weft's own code. */
    @Override
    public boolean setsContextLoader() {
        return true;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        HeldLock held = locks.acquire(keys.render(declaringType, arguments), options);
        if (woven == null) {
            woven = declaringType;
        }
        return held;
    }

    /**
     * Throws in place of the method's return when the lock could not wait for the transaction to end; a method that
     * threw keeps its own exception, with that failure added as suppressed.
     */
    @Override
    public void exit(Object scope, Throwable thrown) {
        try {
            locks.release((HeldLock) scope, woven);
        } catch (WeftException e) {
            if (thrown == null) {
                throw e;
            }
            thrown.addSuppressed(e);
        }
    }
}
