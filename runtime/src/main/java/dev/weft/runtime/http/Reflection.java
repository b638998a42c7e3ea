package dev.weft.runtime.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into an application's HTTP library, which Weft's class loader cannot see: through public methods found
 * reflectively in the classes the application loaded. What the library throws reaches the caller as it is.
 */
final class Reflection {
    private Reflection() {
    }

    /** @throws IllegalStateException when {@code type} has no such public method: a version Weft does not know */
    static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("weft: " + type.getName() + " (" + type.getClassLoader() + ") has no"
                    + " public " + name + "; this version of its library is not supported", e);
        }
    }

    static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("weft: " + method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("weft: could not call " + method, e);
        }
    }
}
