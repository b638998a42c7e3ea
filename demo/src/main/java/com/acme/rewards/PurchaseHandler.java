package com.acme.rewards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST} of a form {@code purchase, member, amount}: hands it to {@link #apply}; answers 200 when it returned,
 * 409 with the reason when it threw. No Weft API, no header handling: with the agent, Weft binds the transaction named
 * in the request's headers to the thread running {@link #handle}.
 */
abstract class PurchaseHandler implements HttpHandler {
    /** The service's part of the purchase. */
    abstract void apply(String purchase, String member, long amount);

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = Forms.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            int status;
            String reply;
            try {
                apply(form.get("purchase"), form.get("member"), Long.parseLong(form.get("amount")));
                status = 200;
                reply = "ok";
            } catch (RuntimeException e) {
                status = 409;
                reply = e.getMessage();
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
