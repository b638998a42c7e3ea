package dev.weft.runtime.http;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Requests of OkHttp ({@code okhttp3.Request}, OkHttp 3 to 5), which are immutable: a copy made with
 * {@code newBuilder().header(...).build()} carries the headers. The application's OkHttp is invisible to Weft's class
 * loader, so its public methods are found reflectively, once per loaded {@code Request} class.
 */
final class OkHttpRequests implements RequestKind {
    static final String REQUEST = "okhttp3.Request";

    private final Method header;
    private final Method newBuilder;
    private final Method setHeader;
    private final Method build;

    OkHttpRequests(Class<?> request) {
        header = Reflection.method(request, "header", String.class);
        newBuilder = Reflection.method(request, "newBuilder");
        setHeader = Reflection.method(newBuilder.getReturnType(), "header", String.class, String.class);
        build = Reflection.method(newBuilder.getReturnType(), "build");
    }

    @Override
    public boolean hasHeader(Object request, String name) {
        return Reflection.invoke(header, request, name) != null;
    }

    @Override
    public Object withHeaders(Object request, Map<String, String> headers) {
        Object copy = Reflection.invoke(newBuilder, request);
        headers.forEach((name, value) -> Reflection.invoke(setHeader, copy, name, value));
        return Reflection.invoke(build, copy);
    }
}
