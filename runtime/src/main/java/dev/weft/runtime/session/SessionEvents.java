package dev.weft.runtime.session;

import dev.weft.runtime.log.Log;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tells the application's session listeners, and attribute values that are {@code HttpSessionBindingListener}s, what
 * one request does to its sessions, on its own thread, as the change happens. Events are the application's own
 * classes ({@link ListenerApi}), made only when some listener is there to hear them. A listener that throws is logged
 * and the others are told all the same, as containers do. Listeners run with the web application's class loader as
 * their thread's context class loader, as the container would run them, even when told from inside Weft (which runs
 * with its own).
 */
final class SessionEvents {
    private final ListenerApi api;
    private final SessionListeners registry;
    private final Supplier<ClassLoader> applicationLoader;
    /** The web application's class loader, and the listeners it sees: looked up at the first event. */
    private ClassLoader loader;
    private List<Object> listeners;

    /** @param applicationLoader the loader of the web application whose request this is */
    SessionEvents(ListenerApi api, SessionListeners registry, Supplier<ClassLoader> applicationLoader) {
        this.api = api;
        this.registry = registry;
        this.applicationLoader = applicationLoader;
    }

    void created(Object session) {
        tell(api.sessionListener, api.sessionCreated, listeners(), () -> new Object[] {api.sessionEvent(session)});
    }

    /** In the reverse order of {@link #created}, as the servlet specification asks. */
    void destroyed(Object session) {
        List<Object> reversed = new ArrayList<>(listeners());
        Collections.reverse(reversed);
        tell(api.sessionListener, api.sessionDestroyed, reversed, () -> new Object[] {api.sessionEvent(session)});
    }

    void idChanged(Object session, String oldId) {
        tell(api.idListener, api.sessionIdChanged, listeners(),
                () -> new Object[] {api.sessionEvent(session), oldId});
    }

    void added(Object session, String name, Object value) {
        attribute(api.attributeAdded, session, name, value);
    }

    /** @param old the value replaced, which the event carries */
    void replaced(Object session, String name, Object old) {
        attribute(api.attributeReplaced, session, name, old);
    }

    void removed(Object session, String name, Object old) {
        attribute(api.attributeRemoved, session, name, old);
    }

    /** {@code valueBound} on the value itself, when it is a binding listener. */
    void bound(Object session, String name, Object value) {
        binding(api.valueBound, session, name, value);
    }

    void unbound(Object session, String name, Object value) {
        binding(api.valueUnbound, session, name, value);
    }

    private void attribute(Method method, Object session, String name, Object value) {
        tell(api.attributeListener, method, listeners(),
                () -> new Object[] {api.bindingEvent(session, name, value)});
    }

    private void binding(Method method, Object session, String name, Object value) {
        if (api.bindingListener.isInstance(value)) {
            tell(api.bindingListener, method, List.of(value),
                    () -> new Object[] {api.bindingEvent(session, name, value)});
        }
    }

    private void tell(Class<?> type, Method method, List<Object> candidates, Supplier<Object[]> arguments) {
        Object[] event = null;
        for (Object listener : candidates) {
            if (!type.isInstance(listener)) {
                continue;
            }
            if (event == null) {
                event = arguments.get();
            }
            Throwable thrown = callAsTheApplication(method, listener, event);
            if (thrown instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            if (thrown != null) {
                Log.error("the session listener " + listener.getClass().getName() + "." + method.getName()
                        + " failed; the other listeners are told all the same", thrown);
            }
        }
    }

    private Throwable callAsTheApplication(Method method, Object listener, Object[] event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader());
        try {
            return ListenerApi.call(method, listener, event);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private List<Object> listeners() {
        if (listeners == null) {
            listeners = registry.seenFrom(loader());
        }
        return listeners;
    }

    private ClassLoader loader() {
        if (loader == null) {
            loader = applicationLoader.get();
        }
        return loader;
    }
}
