package dev.weft.runtime.txsync;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls into a transaction manager the runtime does not compile against. */
final class Reflection {
    private Reflection() {
    }

    /** {@code method.invoke}, with what the method itself threw rethrown as it is (unchecked). */
    static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
