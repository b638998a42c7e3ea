package dev.weft.runtime.http;

import dev.weft.runtime.tcc.TransactionPropagation;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Requests of {@code java.net.http.HttpClient}, which are immutable: a copy carries the headers. A class of its own so
 * that {@code java.net.http} is only loaded when the application sends such a request.
 */
final class HttpClientRequests {
    private HttpClientRequests() {
    }

    static Object withHeaders(Object request, TransactionPropagation propagation) {
        HttpRequest original = (HttpRequest) request;
        if (original.headers().firstValue(TransactionPropagation.XID_HEADER).isPresent()) {
            return original; // the application carries a transaction of its own choosing
        }
        Map<String, String> headers = propagation.outgoingHeaders();
        if (headers.isEmpty()) {
            return original;
        }
        HttpRequest.Builder copy = HttpRequest.newBuilder(original, (name, value) -> true);
        headers.forEach(copy::header);
        return copy.build();
    }
}
