package dev.weft.runtime.http;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Requests of Apache HttpClient 5 (anything implementing HttpCore 5's {@code org.apache.hc.core5.http.HttpRequest}),
 * which are mutable: the headers are set on the request itself. The hook hands over the client's own copy of the
 * application's request ({@link HttpPropagation}), so the application's object is left as it was. The library is
 * invisible to Weft's class loader: the interface's public methods are found reflectively, once per request class.
 */
final class ApacheRequests implements RequestKind {
    static final String REQUEST = "org.apache.hc.core5.http.HttpRequest";

    private final Method containsHeader;
    private final Method setHeader;

    /** @param api HttpCore's {@code HttpRequest} interface, as the application loaded it */
    ApacheRequests(Class<?> api) {
        containsHeader = Reflection.method(api, "containsHeader", String.class);
        setHeader = Reflection.method(api, "setHeader", String.class, Object.class);
    }

    /** HttpCore's {@code HttpRequest} interface if {@code type} implements it, else null. */
    static Class<?> apiOf(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> api : current.getInterfaces()) {
                Class<?> found = api.getName().equals(REQUEST) ? api : apiOf(api);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public boolean hasHeader(Object request, String name) {
        return (Boolean) Reflection.invoke(containsHeader, request, name);
    }

    @Override
    public Object withHeaders(Object request, Map<String, String> headers) {
        headers.forEach((name, value) -> Reflection.invoke(setHeader, request, name, value));
        return request;
    }
}
