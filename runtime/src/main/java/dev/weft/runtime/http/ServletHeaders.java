package dev.weft.runtime.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

/**
 * Headers of a servlet request, read through the public interface method {@code HttpServletRequest.getHeader}: the
 * servlet API is the application's, invisible to Weft's class loader, so it is found through the loader of the woven
 * {@code HttpServlet} and looked up once per such class.
 */
final class ServletHeaders implements HeaderSource {
    private final String requestInterface;
    private final ClassValue<Method> getHeader = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> servlet) {
            try {
                return Class.forName(requestInterface, false, servlet.getClassLoader())
                        .getMethod("getHeader", String.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("weft: " + servlet.getName() + " is a servlet, but its class loader"
                        + " has no " + requestInterface, e);
            }
        }
    };

    /** @param apiPackage {@code javax.servlet} or {@code jakarta.servlet} */
    ServletHeaders(String apiPackage) {
        this.requestInterface = apiPackage + ".http.HttpServletRequest";
    }

    @Override
    public UnaryOperator<String> of(Class<?> servlet, Object request) {
        Method method = getHeader.get(servlet);
        if (!method.getDeclaringClass().isInstance(request)) {
            return name -> null; // not an HTTP request: no headers to carry anything
        }
        return name -> read(method, request, name);
    }

    private static String read(Method getHeader, Object request, String name) {
        try {
            return (String) getHeader.invoke(request, name);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("weft: could not read header " + name, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("weft: could not read header " + name, e);
        }
    }
}
