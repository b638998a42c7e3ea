package dev.weft.runtime.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the application's {@code HttpSession} proxy does, method by method, over one {@link StoredSession}. Runs on the
 * application's thread with its context class loader, which is the loader attribute classes are read back with.
 * Changes are told to the listeners ({@link SessionEvents}) as they happen, in the servlet specification's order.
 */
final class SessionHandle implements InvocationHandler {
    private final StoredSession session;
    private final AttributeCodec codec;
    private final Object servletContext;
    private final SessionEvents events;
    /** Set while {@code invalidate()} tells the listeners, which may call it again. */
    private boolean invalidating;

    SessionHandle(StoredSession session, AttributeCodec codec, Object servletContext, SessionEvents events) {
        this.session = session;
        this.codec = codec;
        this.servletContext = servletContext;
        this.events = events;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        switch (name) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "WeftSession[" + session.id() + "]";
            case "getId":
                return session.id();
            case "getServletContext":
                return servletContext;
            case "getSessionContext":
                return null;
            default:
                break;
        }
        if (session.isInvalid()) {
            throw new IllegalStateException(name + ": the session has been invalidated");
        }
        switch (name) {
            case "getCreationTime":
                return session.creationTime();
            case "getLastAccessedTime":
                return session.lastAccessedTime();
            case "getMaxInactiveInterval":
                return session.maxInactiveSeconds();
            case "setMaxInactiveInterval":
                session.maxInactiveSeconds((Integer) args[0]);
                return null;
            case "isNew":
                return session.isNew();
            case "getAttribute":
            case "getValue":
                return session.attribute((String) args[0], codec, loader());
            case "getAttributeNames":
                return Collections.enumeration(session.attributeNames());
            case "getValueNames":
                return session.attributeNames().toArray(String[]::new);
            case "setAttribute":
            case "putValue":
                set(proxy, (String) args[0], args[1]);
                return null;
            case "removeAttribute":
            case "removeValue":
                remove(proxy, (String) args[0]);
                return null;
            case "invalidate":
                invalidate(proxy);
                return null;
            default:
                throw new UnsupportedOperationException("weft: HttpSession." + name + " is not supported by Weft's"
                        + " Redis sessions");
        }
    }

    /** The value is bound before it is set; the one it replaces is unbound after; then the attribute listeners. */
    private void set(Object proxy, String name, Object value) {
        if (name == null) {
            throw new IllegalArgumentException("setAttribute: the name is null");
        }
        if (value == null) {
            remove(proxy, name);
            return;
        }
        codec.check(name, value);
        boolean existed = session.hasAttribute(name);
        Object old = existed ? previous(name) : null;
        if (value != old) {
            events.bound(proxy, name, value);
        }
        session.setAttribute(name, value);
        if (old != null && old != value) {
            events.unbound(proxy, name, old);
        }
        if (existed) {
            events.replaced(proxy, name, old);
        } else {
            events.added(proxy, name, value);
        }
    }

    private void remove(Object proxy, String name) {
        boolean existed = session.hasAttribute(name);
        Object old = existed ? previous(name) : null;
        session.removeAttribute(name);
        if (existed) {
            events.unbound(proxy, name, old);
            events.removed(proxy, name, old);
        }
    }

    /**
     * {@code sessionDestroyed} while the attributes are still there; then the session is invalid, and each attribute
     * is unbound and reported removed, as containers do.
     */
    private void invalidate(Object proxy) {
        if (invalidating) {
            return; // a listener told of this invalidation invalidates again
        }
        invalidating = true;
        try {
            events.destroyed(proxy);
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (String name : session.attributeNames()) {
                attributes.put(name, previous(name));
            }
            session.invalidate();
            attributes.forEach((name, old) -> {
                events.unbound(proxy, name, old);
                events.removed(proxy, name, old);
            });
        } finally {
            invalidating = false;
        }
    }

    /**
     * The value an attribute had, for its events; null when it cannot be read back (a class the allow-list refuses,
     * which the codec counts): overwriting or removing it must still work.
     */
    private Object previous(String name) {
        try {
            return session.attribute(name, codec, loader());
        } catch (SessionAttributeException e) {
            return null;
        }
    }

    private ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }
}
