package com.acme.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Application code that calls another service with Apache HttpClient 5 (classic); returns the response body. It sends
 * the same mutable request object for the same URL every time, as an application may: Weft must leave nothing on it.
 */
public class SendWithApacheClient implements Function<String, String> {
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final Map<String, ClassicHttpRequest> requests = new ConcurrentHashMap<>();

    @Override
    public String apply(String url) {
        try {
            return client.execute(request(url), response -> EntityUtils.toString(response.getEntity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected ClassicHttpRequest request(String url) {
        return requests.computeIfAbsent(url, HttpGet::new);
    }
}
