package dev.weft.runtime.http;

import java.net.HttpURLConnection;
import java.util.Map;

/**
 * An {@code HttpURLConnection} just opened: nothing is set on it yet, so the headers are set as request properties;
 * an application that sets {@code Weft-Xid} later replaces Weft's value.
 */
final class UrlConnections implements RequestKind {
    @Override
    public boolean hasHeader(Object connection, String name) {
        return false;
    }

    @Override
    public Object withHeaders(Object connection, Map<String, String> headers) {
        headers.forEach(((HttpURLConnection) connection)::setRequestProperty);
        return connection;
    }
}
