package com.acme.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** Application code that calls another service with {@code HttpClient.sendAsync} and waits for the body. */
public class SendAsyncWithHttpClient implements Function<String, String> {
    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public String apply(String url) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .join().body();
    }
}
