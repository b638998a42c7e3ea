package dev.weft.runtime.lock;

import dev.weft.api.WeftException;
import dev.weft.runtime.key.KeyRenderer;
import dev.weft.runtime.key.ResolvedKeyTemplate;
import dev.weft.runtime.weave.Descriptors;
import dev.weft.runtime.weave.Site;
import java.lang.reflect.Method;

/** A method woven with a lock: render the key, take the lock (or skip, or throw), release it after the body. */
final class LockSite implements Site {
    private final ResolvedKeyTemplate key;
    private final String methodName;
    private final String descriptor;
    private final LockService locks;
    private final LockOptions options;
    /** Bound on the first call, when the declaring class is loaded and reflection on it is safe. */
    private volatile KeyRenderer renderer;
    /** The woven class, through whose loader the application's transaction managers are found (docs/locks.md). */
    private volatile Class<?> woven;

    LockSite(ResolvedKeyTemplate key, String methodName, String descriptor, LockService locks, LockOptions options) {
        this.key = key;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.locks = locks;
        this.options = options;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        HeldLock held = locks.acquire(renderer(declaringType).render(arguments), options);
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

    private KeyRenderer renderer(Class<?> declaringType) {
        KeyRenderer bound = renderer;
        if (bound == null) {
            bound = key.bind(reflect(declaringType));
            renderer = bound;
        }
        return bound;
    }

    private Method reflect(Class<?> declaringType) {
        for (Method candidate : declaringType.getDeclaredMethods()) {
            if (candidate.getName().equals(methodName)
                    && Descriptors.of(candidate).equals(descriptor)) {
                return candidate;
            }
        }
        throw new IllegalStateException("weft: woven method " + declaringType.getName() + "#" + methodName
                + descriptor + " not found by reflection");
    }
}
