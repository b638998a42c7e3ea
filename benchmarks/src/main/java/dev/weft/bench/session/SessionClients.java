package dev.weft.bench.session;

import dev.weft.bench.Settings;
import dev.weft.bench.load.Histogram;
import dev.weft.bench.load.LoadResult;
import dev.weft.bench.load.Tally;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The clients of one line, in the harness JVM: {@code threads} browsers, each with its own session (the cookies its
 * answers set, sent back as a browser would), sending {@code GET /count} back to back over HTTP/1.1 keep-alive
 * ({@link HttpClient}, one shared by all, so a connection each). Each answer must be the browser's previous count plus
 * one, or the request counts as failed: a lost or shared session cannot pass for a fast one.
 *
 * <p>As in {@link dev.weft.bench.load.LoadWorker}: each browser's first request (it creates the session) is set-up,
 * then the warm-up is not recorded, and requests count by their start time within the measured window.
 */
final class SessionClients {
    /** Only so that a stuck server cannot hang the run. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final String COUNT_REQUESTS = "requests";

    private SessionClients() {
    }

    private static boolean warmed;

    /**
     * Once per harness JVM, before its first line: 8 browsers for the warm-up and the measured window, not recorded,
     * so that the first line measures a compiled HTTP client as the later ones do (without it, the first line of
     * {@code sessions-1} measured its floor at a third of the Spring Boot floor's rate). That line's server is warmed
     * longer than the others: the floor, so it can only make what sharing adds look larger.
     */
    static synchronized void warmOnce(int port, Settings settings) throws Exception {
        if (!warmed) {
            run(port, new Settings(false, Duration.ZERO, settings.warmup().plus(settings.measure()), 0, 0, 0, 0, 0,
                    Duration.ZERO), 8);
            warmed = true;
        }
    }

    static LoadResult run(int port, Settings settings, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/count");
        List<Browser> browsers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Browser browser = new Browser(http, uri);
            browser.request();
            browsers.add(browser);
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Instant go = Instant.now();
        long measureFrom = System.nanoTime() + settings.warmup().toNanos();
        long until = measureFrom + settings.measure().toNanos();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Browser browser = browsers.get(t);
            Thread thread = new Thread(() -> browser.tally.repeat(browser::request, measureFrom, until, firstFailure),
                    "browser-" + t);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        Tally total = new Tally();
        long requests = 0;
        for (Browser browser : browsers) {
            total.add(browser.tally);
            requests += browser.requests;
        }
        Histogram latency = total.latency();
        if (firstFailure.get() != null) {
            System.err.println("[bench] first failed request on port " + port + ": " + firstFailure.get());
        }
        if (latency.count() == 0) {
            throw new IllegalStateException("no request to port " + port + " succeeded in " + settings.measure(),
                    firstFailure.get());
        }
        return new LoadResult(latency, total.failures(), settings.measure(), Map.of(COUNT_REQUESTS, requests),
                go.plus(settings.warmup()));
    }

    /** One user: its cookies, its counter as the server last answered it, and what its thread measured. */
    private static final class Browser {
        private final HttpClient http;
        private final URI uri;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private long count;
        final Tally tally = new Tally();
        /** All of them, set-up and warm-up included: the denominator of the Redis commands per request. */
        long requests;

        Browser(HttpClient http, URI uri) {
            this.http = http;
            this.uri = uri;
        }

        /** One request, checked: 200 and the next count of this browser's session. */
        void request() throws IOException, InterruptedException {
            requests++;
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
            }
            long answered = Long.parseLong(response.body().strip());
            long expected = count + 1;
            count = answered;
            if (answered != expected) {
                throw new IOException("the session's counter is " + answered + ", not " + expected);
            }
        }
    }
}
