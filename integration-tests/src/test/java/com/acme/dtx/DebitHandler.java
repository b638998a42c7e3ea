package com.acme.dtx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /debit} with a form {@code transfer, account, amount}: calls {@link DebitService#debit}; 200 when it
 * returned, 409 with the reason when it threw. No Weft API, no header handling: with the agent, Weft binds the
 * transaction named in the request's headers to the thread running {@link #handle}.
 */
public class DebitHandler implements HttpHandler {
    private final DebitService debits;

    public DebitHandler(DebitService debits) {
        this.debits = debits;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = Forms.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            int status;
            String reply;
            try {
                debits.debit(form.get("transfer"), form.get("account"), Long.parseLong(form.get("amount")));
                status = 200;
                reply = "debited";
            } catch (RuntimeException e) {
                status = 409;
                reply = e.getClass().getName() + ": " + e.getMessage();
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
