package dev.weft.runtime.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One flavour of the servlet API ({@code javax.servlet} or {@code jakarta.servlet}) as one class loader sees it: the
 * application's, which Weft's own loader cannot see, so every call goes through public interface methods found by
 * name. What the container throws reaches the caller as it is.
 */
final class ServletApi {
    final Class<?> httpRequest;
    final Class<?> httpResponse;
    final Class<?> requestWrapper;
    final Class<?> httpSession;
    final ListenerApi listeners;
    private final Method getHeaders;
    private final Method isSecure;
    private final Method getContextPath;
    private final Method getServletContext;
    private final Method getClassLoader;
    /** Servlet 4.0 and later; null before. */
    private final Method getSessionTimeout;
    private final Method addHeader;
    private final Method isCommitted;
    private final Method sendError;

    /** @param loader a loader that sees the API: the woven container class's */
    ServletApi(String apiPackage, ClassLoader loader) {
        this.httpRequest = load(apiPackage + ".http.HttpServletRequest", loader);
        this.httpResponse = load(apiPackage + ".http.HttpServletResponse", loader);
        this.requestWrapper = load(apiPackage + ".ServletRequestWrapper", loader);
        this.httpSession = load(apiPackage + ".http.HttpSession", loader);
        this.listeners = new ListenerApi(apiPackage, loader, httpSession);
        Class<?> context = load(apiPackage + ".ServletContext", loader);
        this.getHeaders = method(httpRequest, "getHeaders", String.class);
        this.isSecure = method(httpRequest, "isSecure");
        this.getContextPath = method(httpRequest, "getContextPath");
        this.getServletContext = method(httpRequest, "getServletContext");
        this.getClassLoader = method(context, "getClassLoader");
        this.getSessionTimeout = optionalMethod(context, "getSessionTimeout");
        this.addHeader = method(httpResponse, "addHeader", String.class, String.class);
        this.isCommitted = method(httpResponse, "isCommitted");
        this.sendError = method(httpResponse, "sendError", int.class, String.class);
    }

    List<String> headers(Object request, String name) {
        Enumeration<?> values = (Enumeration<?>) invoke(getHeaders, request, name);
        List<String> headers = new ArrayList<>();
        for (Object value : values == null ? List.of() : Collections.list(values)) {
            headers.add((String) value);
        }
        return headers;
    }

    boolean isSecure(Object request) {
        return (Boolean) invoke(isSecure, request);
    }

    String contextPath(Object request) {
        return (String) invoke(getContextPath, request);
    }

    Object servletContext(Object request) {
        return invoke(getServletContext, request);
    }

    /**
     * The web application's class loader ({@code ServletContext.getClassLoader()}); the system class loader when the
     * container has none for it (a Jetty context given none, whose requests run with the thread's).
     */
    ClassLoader applicationLoader(Object request) {
        ClassLoader loader;
        try {
            loader = (ClassLoader) invoke(getClassLoader, servletContext(request));
        } catch (UnsupportedOperationException | SecurityException e) {
            loader = null;
        }
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /** The container's session timeout in minutes, or -1 when this API version cannot tell. */
    int sessionTimeoutMinutes(Object request) {
        if (getSessionTimeout == null) {
            return -1;
        }
        try {
            return (Integer) invoke(getSessionTimeout, servletContext(request));
        } catch (AbstractMethodError | UnsupportedOperationException e) {
            return -1; // a Servlet 3.1 container (Jetty 9.4) with the 4.0 API on the class path
        }
    }

    void addHeader(Object response, String name, String value) {
        invoke(addHeader, response, name, value);
    }

    boolean isCommitted(Object response) {
        return (Boolean) invoke(isCommitted, response);
    }

    void sendError(Object response, int status, String message) {
        invoke(sendError, response, status, message);
    }

    static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("weft: " + loader + " serves requests but has no " + name, e);
        }
    }

    static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("weft: " + type.getName() + " has no " + name
                    + "; this servlet API version is not supported", e);
        }
    }

    private static Method optionalMethod(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
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
