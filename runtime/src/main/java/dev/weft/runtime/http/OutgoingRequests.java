package dev.weft.runtime.http;

import dev.weft.runtime.tcc.TransactionPropagation;
import java.net.HttpURLConnection;
import java.net.URLConnection;
import java.util.function.UnaryOperator;

/**
 * What the rewritten call sites hand to the bridge ({@link JdkClientCallSites}): a {@code java.net.http.HttpRequest}
 * about to be sent, or a {@code URLConnection} just opened. Either comes back carrying the transaction's headers, or
 * unchanged outside a transaction; {@link TransactionPropagation#outgoingHeaders()} throwing stops the request.
 */
final class OutgoingRequests implements UnaryOperator<Object> {
    private final TransactionPropagation propagation;

    OutgoingRequests(TransactionPropagation propagation) {
        this.propagation = propagation;
    }

    @Override
    public Object apply(Object request) {
        if (request instanceof HttpURLConnection connection) {
            // Just opened, so nothing is set yet; an application that sets Weft-Xid later replaces this value
            propagation.outgoingHeaders().forEach(connection::setRequestProperty);
            return connection;
        }
        if (request instanceof URLConnection) {
            return request; // file:, jar:, ... : not a request to another service
        }
        return HttpClientRequests.withHeaders(request, propagation);
    }
}
