package dev.weft.runtime.http;

import java.util.Map;

/** One kind of request that {@link OutgoingRequests} may be handed on its way out, and how it gets headers. */
interface RequestKind {
    /** Whether the request already has header {@code name}: then the application chose its transaction itself. */
    boolean hasHeader(Object request, String name);

    /** The request to send instead: a copy carrying {@code headers}, or the same request with them set. */
    Object withHeaders(Object request, Map<String, String> headers);
}
