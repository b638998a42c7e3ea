package dev.weft.it.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A client that keeps one session cookie, as a browser does, and may send it to any instance: what a load balancer
 * without sticky sessions does.
 */
final class Browser {
    /** Only so that a broken run cannot hang the build. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final String cookieName;
    /** The cookie's value, or null before the first session. */
    String cookie;

    Browser(String cookieName) {
        this.cookieName = cookieName;
    }

    record Answer(int status, String body, List<String> setCookies) {
    }

    /** GET on loopback; a {@code Set-Cookie} for the session cookie replaces the one kept. */
    Answer get(int port, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(TIMEOUT);
        if (cookie != null) {
            request.header("Cookie", cookieName + "=" + cookie);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            setCookies.stream().filter(header -> header.startsWith(cookieName + "=")).reduce((a, b) -> b)
                    .ifPresent(header -> cookie = header.substring(cookieName.length() + 1, header.indexOf(';')));
            return new Answer(response.statusCode(), response.body(), setCookies);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The body of a GET that must answer 200. */
    String body(int port, String pathAndQuery) {
        Answer answer = get(port, pathAndQuery);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " on port " + port + ": " + answer.status() + " "
                    + answer.body());
        }
        return answer.body();
    }
}
