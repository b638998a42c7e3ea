package dev.weft.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.weft.api.WeftBackendException;
import dev.weft.bootstrap.WeftBridge;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.SiteRegistry;
import dev.weft.runtime.weave.TestBridge;
import dev.weft.runtime.weave.WeaveStats;
import dev.weft.runtime.weave.Weaver;
import dev.weft.runtime.weave.WeavingLoader;
import dev.weft.runtime.weave.WovenClassLoaders;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real JDK HTTP server and clients, OkHttp, Apache HttpClient 5 and the servlet APIs, with application and library
 * classes woven by Weft's own transformer (as the agent would) and a stand-in for the shared log's {@code TransactionPropagation}.
 */
class HttpPropagationTest {
    private static final RecordingPropagation PROPAGATION = new RecordingPropagation();
    private static final ClassFileTransformer TRANSFORMER;
    private static final WeavingLoader APPLICATION;
    private static final AtomicInteger PLAIN_REQUESTS = new AtomicInteger();
    private static HttpServer server;
    private static String base;

    static {
        HttpPropagation http = new HttpPropagation(PROPAGATION, new SourcePosition("weft.yaml", 1, 1));
        SiteRegistry sites = TestBridge.outgoingRequests(http.outgoing());
        TRANSFORMER = new Weaver(http.weaveRules(), http.callSites(), sites, new WeaveStats(), new WovenClassLoaders())
                .transformer();
        APPLICATION = new WeavingLoader(TRANSFORMER, "com.acme.http.", "javax.servlet.", "jakarta.servlet.", "okhttp3.",
                "org.apache.hc.");
    }

    @BeforeAll
    static void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/woven", (HttpHandler) fixture("EchoHandler"));
        server.createContext("/plain", HttpPropagationTest::echoUnwoven);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        PROPAGATION.reset();
        PLAIN_REQUESTS.set(0);
    }

    @Test
    void aWovenHandlerBindsTheIncomingTransactionWhileItServes() throws Exception {
        assertEquals("x1", sendUnwoven("/woven", "x1"));
        assertEquals("none", sendUnwoven("/woven", null));
        // The handler closes its scope when handle returns, which may be just after the client read the response
        assertTrue(PROPAGATION.awaitClosed(2), "the handler's scopes were closed");
        assertEquals(List.of("x1", "null"), PROPAGATION.bound);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SendWithHttpClient", "SendAsyncWithHttpClient", "SendWithUrlConnection",
            "SendWithOkHttp", "SendAsyncWithOkHttp", "SendWithApacheClient"})
    void aCallInsideATransactionCarriesItAndOneOutsideDoesNot(String client) throws Exception {
        Function<String, String> send = fixture(client);
        assertEquals("x2", PROPAGATION.inTransaction("x2", () -> send.apply(base + "/plain")));
        // The library clients' fixtures send the same request object again: nothing of x2 stays on it
        assertEquals("none", send.apply(base + "/plain"));
        assertEquals("x3", PROPAGATION.inTransaction("x3", () -> send.apply(base + "/plain")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SendWithOwnXid", "SendWithOkHttpOwnXid", "SendWithApacheClientOwnXid"})
    void aTransactionTheApplicationSetsItselfIsLeftAlone(String client) throws Exception {
        Function<String, String> send = fixture(client);
        assertEquals("mine", PROPAGATION.inTransaction("x3", () -> send.apply(base + "/plain")));
    }

    /** The control: the same application code with the libraries as they are (not loaded through the weaver). */
    @ParameterizedTest
    @ValueSource(strings = {"SendWithOkHttp", "SendWithApacheClient"})
    void anUnwovenLibraryClientSendsNoTransaction(String client) throws Exception {
        @SuppressWarnings("unchecked")
        Function<String, String> send = (Function<String, String>) Class.forName("com.acme.http." + client)
                .getConstructor().newInstance();
        assertEquals(HttpPropagationTest.class.getClassLoader(), send.getClass().getClassLoader());
        assertEquals("none", PROPAGATION.inTransaction("x5", () -> send.apply(base + "/plain")));
        assertEquals(1, PLAIN_REQUESTS.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SendWithHttpClient", "SendAsyncWithHttpClient", "SendWithUrlConnection",
            "SendWithOkHttp", "SendAsyncWithOkHttp", "SendWithApacheClient"})
    void aTransactionThatCannotBeRecordedStopsTheRequest(String client) throws Exception {
        Function<String, String> send = fixture(client);
        PROPAGATION.failWith(new WeftBackendException("the shared log is down", null));
        assertThrows(WeftBackendException.class,
                () -> PROPAGATION.inTransaction("x4", () -> send.apply(base + "/plain")));
        assertEquals(0, PLAIN_REQUESTS.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javax", "jakarta"})
    void aServletBindsOncePerRequestEvenWhenServedAgainOnTheSameThread(String api) throws Exception {
        Class<?> servlet = APPLICATION.loadClass("com.acme.http." + (api.equals("javax") ? "Javax" : "Jakarta")
                + "Servlet");
        Class<?> request = APPLICATION.loadClass(api + ".servlet.http.HttpServletRequest");
        Class<?> response = APPLICATION.loadClass(api + ".servlet.http.HttpServletResponse");
        servlet.getMethod("service", APPLICATION.loadClass(api + ".servlet.ServletRequest"),
                        APPLICATION.loadClass(api + ".servlet.ServletResponse"))
                .invoke(servlet.getConstructor().newInstance(), stub(request, "x5"), stub(response, null));
        assertEquals(List.of("x5"), PROPAGATION.bound);
        assertEquals(1, PROPAGATION.closedNow());
    }

    @Test
    void jdkClassesAreNeverWovenButTheirCallersAndTheClientLibrariesAre() throws Exception {
        for (String jdk : List.of("jdk/internal/net/http/HttpClientImpl", "sun/net/httpserver/ServerImpl",
                "sun/net/www/protocol/http/HttpURLConnection")) {
            byte[] classFile = WeavingLoader.read(jdk.replace('/', '.'));
            assertNull(TRANSFORMER.transform(null, ClassLoader.getPlatformClassLoader(), jdk, null, null, classFile));
            assertNull(APPLICATION.transform(jdk, classFile), jdk);
        }
        for (String woven : List.of("com.acme.http.SendWithHttpClient", "okhttp3.OkHttpClient",
                "org.apache.hc.client5.http.impl.classic.ProtocolExec")) {
            assertNotNull(APPLICATION.transform(woven.replace('.', '/'), WeavingLoader.read(woven)), woven);
        }
    }

    /**
     * What a woven call outside a transaction adds: the bridge, a header lookup in the request and an empty map. It
     * prints the figure and asserts nothing about time, as in {@code JdbcHookCostTest}.
     */
    @Test
    void anOutgoingRequestOutsideATransactionCostsLittle() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/plain")).build();
        int calls = 2_000_000;
        int same = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up
            same = 0;
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                same += WeftBridge.outgoingRequest(request) == request ? 1 : 0;
            }
            double nanos = (System.nanoTime() - started) / (double) calls;
            System.out.printf("outgoing HttpRequest outside a transaction: %.1f ns per call%n", nanos);
        }
        assertEquals(calls, same);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fixture(String simpleName) throws ReflectiveOperationException {
        return (T) APPLICATION.loadClass("com.acme.http." + simpleName).getConstructor().newInstance();
    }

    /** A servlet request or response: GET over HTTP/1.1 with one Weft-Xid header, defaults for everything else. */
    private static Object stub(Class<?> type, String xid) {
        return Proxy.newProxyInstance(APPLICATION, new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "getHeader" -> "Weft-Xid".equalsIgnoreCase((String) args[0]) ? xid : null;
            case "getMethod" -> "GET";
            case "getProtocol" -> "HTTP/1.1";
            case "getDateHeader", "getIntHeader" -> -1;
            default -> method.getReturnType() == boolean.class ? Boolean.FALSE
                    : method.getReturnType() == int.class ? 0 : null;
        });
    }

    private static String sendUnwoven(String path, String xid) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (xid != null) {
            request.header("Weft-Xid", xid);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void echoUnwoven(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        PLAIN_REQUESTS.incrementAndGet();
        String xid = exchange.getRequestHeaders().getFirst("Weft-Xid");
        byte[] body = (xid == null ? "none" : xid).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
