package com.acme.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An application's handler for the JDK's HTTP server: answers with the Weft-Xid header it received, or "none". */
public class EchoHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String xid = exchange.getRequestHeaders().getFirst("Weft-Xid");
        byte[] body = (xid == null ? "none" : xid).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
