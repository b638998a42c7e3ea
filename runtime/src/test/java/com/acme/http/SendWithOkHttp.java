package com.acme.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Application code that calls another service with OkHttp's {@code Call.execute}; returns the response body. It
 * sends the same {@code Request} object for the same URL every time, as an application may.
 */
public class SendWithOkHttp implements Function<String, String> {
    protected final OkHttpClient client = new OkHttpClient();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();

    @Override
    public String apply(String url) {
        try (Response response = client.newCall(request(url)).execute()) {
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Request request(String url) {
        return requests.computeIfAbsent(url, u -> new Request.Builder().url(u).build());
    }
}
