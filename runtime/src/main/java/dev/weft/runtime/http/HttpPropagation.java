package dev.weft.runtime.http;

import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.weave.CallSiteRewrite;
import dev.weft.runtime.weave.ClassFileScan;
import dev.weft.runtime.weave.WeaveRule;
import dev.weft.runtime.weave.http.JdkClientCallSites;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Carries global transactions on HTTP with no application code (docs/distributed-tcc.md, "Propagation over HTTP"):
 * servlet containers and the JDK's HTTP server bind an incoming request's transaction to the serving thread, and
 * calls through the JDK's HTTP clients, OkHttp and Apache HttpClient 5 (classic) send the current one. With nothing
 * to carry ({@link TransactionPropagation#NONE}) nothing is woven.
 */
public final class HttpPropagation {
    /** The descriptor of {@code HttpHandler.handle}: any class that declares it has these bytes in its class file. */
    private static final byte[] HANDLE_DESCRIPTOR = ClassFileScan.ascii("(Lcom/sun/net/httpserver/HttpExchange;)V");
    private static final String OK_HTTP_NEW_CALL = "okhttp3.OkHttpClient#newCall(okhttp3.Request)";
    private static final String APACHE_PROTOCOL_EXEC = "org.apache.hc.client5.http.impl.classic.ProtocolExec#execute("
            + "org.apache.hc.core5.http.ClassicHttpRequest, org.apache.hc.client5.http.classic.ExecChain$Scope,"
            + " org.apache.hc.client5.http.classic.ExecChain)";

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
                HttpWeaveRule.incoming("+com.sun.net.httpserver.HttpHandler#handle(com.sun.net.httpserver.HttpExchange)",
                        HANDLE_DESCRIPTOR, position, new IncomingSite(propagation, new ExchangeHeaders())),
                // Every call, synchronous or not, is made here from the request its interceptors then see
                HttpWeaveRule.outgoing(OK_HTTP_NEW_CALL, position),
                // Once per attempt (retries, redirects), on the client's own copy of the application's request,
                // before the request interceptors run
                HttpWeaveRule.outgoing(APACHE_PROTOCOL_EXEC, position));
    }

    public List<CallSiteRewrite> callSites() {
        return propagation == TransactionPropagation.NONE ? List.of() : List.of(new JdkClientCallSites());
    }

    /** What the bridge does with an outgoing request the rewritten call sites hand it. */
    public UnaryOperator<Object> outgoing() {
        return new OutgoingRequests(propagation);
    }

    /** {@code HttpServlet.service(ServletRequest, ServletResponse)}, through which every request to a servlet passes. */
    private HttpWeaveRule servlet(String apiPackage) {
        return HttpWeaveRule.incoming(apiPackage + ".http.HttpServlet#service(" + apiPackage + ".ServletRequest, "
                + apiPackage + ".ServletResponse)", null, position,
                new IncomingSite(propagation, new ServletHeaders(apiPackage)));
    }
}
