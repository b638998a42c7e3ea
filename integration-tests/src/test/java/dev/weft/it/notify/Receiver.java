package dev.weft.it.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A merchant's endpoint on the JDK's HttpServer: refuses (503) the first {@code refused} calls and accepts the rest;
 * can hold one call open until the test lets it go. Records who called and with which idempotency key.
 */
final class Receiver implements AutoCloseable {
    record Call(int number, String callerPid, String idempotencyKey, int status) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final int refused;
    private final int held;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Call> calls = new ArrayList<>();

    /** @param held the number of the call to hold open until {@link #release()}; 0 holds none */
    Receiver(int refused, int held) throws IOException {
        this.refused = refused;
        this.held = held;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/paid", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/paid";
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Call call;
        synchronized (this) {
            int number = calls.size() + 1;
            call = new Call(number, exchange.getRequestHeaders().getFirst("Caller-Pid"),
                    exchange.getRequestHeaders().getFirst("Weft-Idempotency-Key"), number <= refused ? 503 : 200);
            calls.add(call);
            notifyAll();
        }
        if (call.number() == held) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(call.status(), -1);
        exchange.close();
    }

    /** Waits until {@code count} calls arrived; only so that a broken run cannot hang, not a timing assertion. */
    synchronized List<Call> awaitCalls(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the receiver got " + calls.size() + " call(s), not " + count + ": "
                        + calls);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(calls);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Lets the held call answer. */
    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
