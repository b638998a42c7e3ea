package dev.weft.runtime.http;

import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.weave.CallSiteRewrite;
import dev.weft.runtime.weave.WeaveRule;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Carries global transactions on HTTP with no application code (docs/distributed-tcc.md, "Propagation over HTTP"):
 * servlet containers and the JDK's HTTP server bind an incoming request's transaction to the serving thread, and
 * calls through the JDK's HTTP clients send the current one. With nothing to carry
 * ({@link TransactionPropagation#NONE}) nothing is woven.
 */
public final class HttpPropagation {
    /** The descriptor of {@code HttpHandler.handle}: any class that declares it has these bytes in its class file. */
    private static final byte[] HANDLE_DESCRIPTOR = ClassFileScan.ascii("(Lcom/sun/net/httpserver/HttpExchange;)V");

    private final TransactionPropagation propagation;
    private final SourcePosition position;

    /** @param position where transactions are configured, for messages about the rules */
    public HttpPropagation(TransactionPropagation propagation, SourcePosition position) {
        this.propagation = propagation;
        this.position = position;
    }

    public List<WeaveRule> weaveRules() {
        if (propagation == TransactionPropagation.NONE) {
            return List.of();
        }
        return List.of(servlet("javax.servlet"), servlet("jakarta.servlet"),
                new IncomingWeaveRule("+com.sun.net.httpserver.HttpHandler#handle(com.sun.net.httpserver.HttpExchange)",
                        HANDLE_DESCRIPTOR, position, new IncomingSite(propagation, new ExchangeHeaders())));
    }

    public List<CallSiteRewrite> callSites() {
        return propagation == TransactionPropagation.NONE ? List.of() : List.of(new JdkClientCallSites());
    }

    /** What the bridge does with an outgoing request the rewritten call sites hand it. */
    public UnaryOperator<Object> outgoing() {
        return new OutgoingRequests(propagation);
    }

    /** {@code HttpServlet.service(ServletRequest, ServletResponse)}, through which every request to a servlet passes. */
    private IncomingWeaveRule servlet(String apiPackage) {
        return new IncomingWeaveRule(apiPackage + ".http.HttpServlet#service(" + apiPackage + ".ServletRequest, "
                + apiPackage + ".ServletResponse)", null, position,
                new IncomingSite(propagation, new ServletHeaders(apiPackage)));
    }
}
