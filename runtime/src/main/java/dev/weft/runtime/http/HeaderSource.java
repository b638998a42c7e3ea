package dev.weft.runtime.http;

import java.util.function.UnaryOperator;

/** Reads an incoming request's headers, for one kind of server. */
interface HeaderSource {
    /**
     * @param declaringType the class that declares the woven method serving the request
     * @param request       its first argument: the server's request (or exchange) object
     * @return the request's header by name, case-insensitive, null when absent
     */
    UnaryOperator<String> of(Class<?> declaringType, Object request);
}
