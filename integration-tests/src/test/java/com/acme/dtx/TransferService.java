package com.acme.dtx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The root service's global method (its weft.yaml names {@link #transfer}): debits an account of the payer service
 * with {@link HttpClient} and credits one of the payee service with {@link HttpURLConnection}, and throws when either
 * answers anything but 2xx. No Weft API and no header handling: with the agent, Weft adds the transaction to both
 * requests, and the tries run in the other services, in the same global transaction.
 */
public class TransferService {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI payer;
    private final URI payee;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public TransferService(URI payer, URI payee) {
        this.payer = payer;
        this.payee = payee;
    }

    public void transfer(String transfer, String from, String to, long amount) {
        debit(transfer, from, amount);
        credit(transfer, to, amount);
        Points.reach("afterTries", transfer); // both tries returned; no decision yet
    }

    private void debit(String transfer, String account, long amount) {
        HttpRequest request = HttpRequest.newBuilder(payer.resolve("/debit"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(transfer, account, amount)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("payer unreachable for " + transfer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("payer answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void credit(String transfer, String account, long amount) {
        try {
            HttpURLConnection connection = (HttpURLConnection) payee.resolve("/credit").toURL().openConnection();
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(form(transfer, account, amount).getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                String body;
                try (InputStream error = connection.getErrorStream()) {
                    body = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw new IllegalStateException("payee answered " + status + ": " + body);
            }
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("payee unreachable for " + transfer, e);
        }
    }

    private static String form(String transfer, String account, long amount) {
        return Forms.encode(Map.of("transfer", transfer, "account", account, "amount", Long.toString(amount)));
    }
}
