package dev.weft.runtime.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Collections;

/**
 * What the application's {@code HttpSession} proxy does, method by method, over one {@link StoredSession}. Runs on the
 * application's thread with its context class loader, which is the loader attribute classes are read back with.
 */
final class SessionHandle implements InvocationHandler {
    private final StoredSession session;
    private final AttributeCodec codec;
    private final Object servletContext;

    SessionHandle(StoredSession session, AttributeCodec codec, Object servletContext) {
        this.session = session;
        this.codec = codec;
        this.servletContext = servletContext;
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
                set((String) args[0], args[1]);
                return null;
            case "removeAttribute":
            case "removeValue":
                session.removeAttribute((String) args[0]);
                return null;
            case "invalidate":
                session.invalidate();
                return null;
            default:
                throw new UnsupportedOperationException("weft: HttpSession." + name + " is not supported by Weft's"
                        + " Redis sessions");
        }
    }

    private void set(String name, Object value) {
        if (name == null) {
            throw new IllegalArgumentException("setAttribute: the name is null");
        }
        if (value == null) {
            session.removeAttribute(name);
            return;
        }
        codec.check(name, value);
        session.setAttribute(name, value);
    }

    private ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassLoader.getSystemClassLoader();
    }
}
