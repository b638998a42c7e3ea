package dev.weft.runtime.http;

import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Requests of {@code java.net.http.HttpClient}, which are immutable: a copy carries the headers. A class of its own so
 * that {@code java.net.http} is only loaded when the application sends such a request.
 */
final class HttpClientRequests implements RequestKind {
    static boolean handles(Class<?> type) {
        return HttpRequest.class.isAssignableFrom(type);
    }

    @Override
    public boolean hasHeader(Object request, String name) {
        return ((HttpRequest) request).headers().firstValue(name).isPresent();
    }

    @Override
    public Object withHeaders(Object request, Map<String, String> headers) {
        HttpRequest.Builder copy = HttpRequest.newBuilder((HttpRequest) request, (name, value) -> true);
        headers.forEach(copy::header);
        return copy.build();
    }
}
