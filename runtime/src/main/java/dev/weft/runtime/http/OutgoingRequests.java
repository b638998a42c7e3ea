package dev.weft.runtime.http;

import dev.weft.runtime.tcc.TransactionPropagation;
import java.net.HttpURLConnection;
import java.net.URLConnection;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the bridge is handed on an HTTP request's way out: from rewritten call sites ({@code JdkClientCallSites}) a
 * {@code java.net.http.HttpRequest} about to be sent or a {@code URLConnection} just opened; from woven library
 * methods an OkHttp or Apache HttpClient 5 request. Each comes back carrying the transaction's headers, or unchanged
 * outside a transaction or when the application set {@code Weft-Xid} itself;
 * {@link TransactionPropagation#outgoingHeaders()} throwing stops the request. Which {@link RequestKind} a request is
 * gets decided once per class, by name for the libraries, which Weft's class loader cannot see.
 */
final class OutgoingRequests implements UnaryOperator<Object> {
    /** Not a request to another service ({@code file:}, {@code jar:} connections, ...): left as it is. */
    private static final RequestKind NOT_A_REQUEST = new RequestKind() {
        @Override
        public boolean hasHeader(Object request, String name) {
            return false;
        }

        @Override
        public Object withHeaders(Object request, Map<String, String> headers) {
            return request;
        }
    };

    private final TransactionPropagation propagation;
    private final ClassValue<RequestKind> kinds = new ClassValue<>() {
        @Override
        protected RequestKind computeValue(Class<?> type) {
            return kindOf(type);
        }
    };

    OutgoingRequests(TransactionPropagation propagation) {
        this.propagation = propagation;
    }

    @Override
    public Object apply(Object request) {
        RequestKind kind = kinds.get(request.getClass());
        if (kind == NOT_A_REQUEST || kind.hasHeader(request, TransactionPropagation.XID_HEADER)) {
            return request;
        }
        Map<String, String> headers = propagation.outgoingHeaders();
        return headers.isEmpty() ? request : kind.withHeaders(request, headers);
    }

    private static RequestKind kindOf(Class<?> type) {
        if (HttpURLConnection.class.isAssignableFrom(type)) {
            return new UrlConnections();
        }
        if (URLConnection.class.isAssignableFrom(type)) {
            return NOT_A_REQUEST;
        }
        if (type.getName().equals(OkHttpRequests.REQUEST)) {
            return new OkHttpRequests(type);
        }
        Class<?> apache = ApacheRequests.apiOf(type);
        if (apache != null) {
            return new ApacheRequests(apache);
        }
        // Last, so that java.net.http is loaded only for what may be its request
        return HttpClientRequests.handles(type) ? new HttpClientRequests() : NOT_A_REQUEST;
    }
}
