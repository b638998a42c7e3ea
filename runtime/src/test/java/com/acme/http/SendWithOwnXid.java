package com.acme.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** Application code that sets Weft-Xid itself, to "mine"; Weft must leave it alone. */
public class SendWithOwnXid implements Function<String, String> {
    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public String apply(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Weft-Xid", "mine").build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
