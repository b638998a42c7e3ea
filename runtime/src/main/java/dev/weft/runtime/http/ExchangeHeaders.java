package dev.weft.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.function.UnaryOperator;

/**
 * Headers of a request to the JDK's HTTP server. A class of its own so that {@code jdk.httpserver} is only loaded
 * when such a request is served.
 */
final class ExchangeHeaders implements HeaderSource {
    @Override
    public UnaryOperator<String> of(Class<?> handler, Object exchange) {
        return ((HttpExchange) exchange).getRequestHeaders()::getFirst;
    }
}
