package dev.weft.runtime.session;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The session listener interfaces and event classes of one flavour of the servlet API, as the application's class
 * loader sees them (as {@link ServletApi}, found by name). Calls a listener and hands back what it threw, so that the
 * caller can log it and go on, as containers do.
 */
final class ListenerApi {
    final Class<?> sessionListener;
    final Class<?> attributeListener;
    final Class<?> idListener;
    final Class<?> bindingListener;
    final Method sessionCreated;
    final Method sessionDestroyed;
    final Method attributeAdded;
    final Method attributeReplaced;
    final Method attributeRemoved;
    final Method sessionIdChanged;
    final Method valueBound;
    final Method valueUnbound;
    private final Constructor<?> sessionEvent;
    private final Constructor<?> bindingEvent;

    ListenerApi(String apiPackage, ClassLoader loader, Class<?> httpSession) {
        String http = apiPackage + ".http.";
        Class<?> sessionEventType = ServletApi.load(http + "HttpSessionEvent", loader);
        Class<?> bindingEventType = ServletApi.load(http + "HttpSessionBindingEvent", loader);
        this.sessionListener = ServletApi.load(http + "HttpSessionListener", loader);
        this.attributeListener = ServletApi.load(http + "HttpSessionAttributeListener", loader);
        this.idListener = ServletApi.load(http + "HttpSessionIdListener", loader);
        this.bindingListener = ServletApi.load(http + "HttpSessionBindingListener", loader);
        this.sessionCreated = ServletApi.method(sessionListener, "sessionCreated", sessionEventType);
        this.sessionDestroyed = ServletApi.method(sessionListener, "sessionDestroyed", sessionEventType);
        this.attributeAdded = ServletApi.method(attributeListener, "attributeAdded", bindingEventType);
        this.attributeReplaced = ServletApi.method(attributeListener, "attributeReplaced", bindingEventType);
        this.attributeRemoved = ServletApi.method(attributeListener, "attributeRemoved", bindingEventType);
        this.sessionIdChanged = ServletApi.method(idListener, "sessionIdChanged", sessionEventType, String.class);
        this.valueBound = ServletApi.method(bindingListener, "valueBound", bindingEventType);
        this.valueUnbound = ServletApi.method(bindingListener, "valueUnbound", bindingEventType);
        this.sessionEvent = constructor(sessionEventType, httpSession);
        this.bindingEvent = constructor(bindingEventType, httpSession, String.class, Object.class);
    }

    /** {@code new HttpSessionEvent(session)}. */
    Object sessionEvent(Object session) {
        return construct(sessionEvent, session);
    }

    /** {@code new HttpSessionBindingEvent(session, name, value)}. */
    Object bindingEvent(Object session, String name, Object value) {
        return construct(bindingEvent, session, name, value);
    }

    /** Calls {@code method} on {@code listener}; answers what the listener threw, or null. */
    static Throwable call(Method method, Object listener, Object... arguments) {
        try {
            method.invoke(listener, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            return e;
        }
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("weft: " + type.getName() + " has no public constructor of "
                    + parameters.length + " arguments; this servlet API version is not supported", e);
        }
    }

    private static Object construct(Constructor<?> constructor, Object... arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("weft: could not make a " + constructor.getDeclaringClass().getName(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("weft: could not make a " + constructor.getDeclaringClass().getName(), e);
        }
    }
}
