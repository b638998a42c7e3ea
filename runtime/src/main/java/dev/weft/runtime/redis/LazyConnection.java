package dev.weft.runtime.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One connection, made on first need. Once made, Lettuce keeps it alive (it reconnects by itself); a first attempt
 * that failed is simply made again by the next caller, so a Redis that comes up late is picked up.
 */
final class LazyConnection<C extends StatefulConnection<String, String>> {
    private final Supplier<CompletableFuture<C>> connector;
    private CompletableFuture<C> current;
    private boolean closed;

    LazyConnection(Supplier<CompletableFuture<C>> connector) {
        this.connector = connector;
    }

    /**
     * The connection, or the attempt that will make it, as a view of its own per caller: a caller that gives up
     * waiting cancels its view, never the attempt other callers share. Never blocks: the attempt, which first builds
     * the client (loading Lettuce and Netty, hundreds of milliseconds in a cold JVM), runs on a thread of its own, so
     * that each caller waits for it only as long as its own deadline allows.
     */
    synchronized CompletableFuture<C> get() {
        if (closed) {
            return CompletableFuture.failedFuture(new RedisException("Weft's Redis client is shut down"));
        }
        if (current == null || current.isCompletedExceptionally()) {
            CompletableFuture<C> attempt = new CompletableFuture<>();
            Thread connecting = new Thread(() -> connect(attempt), "weft-redis-connect");
            connecting.setDaemon(true);
            connecting.start();
            current = attempt;
        }
        return current.copy();
    }

    private void connect(CompletableFuture<C> attempt) {
        try {
            connector.get().whenComplete((connection, failure) -> {
                if (failure != null) {
                    attempt.completeExceptionally(failure);
                } else {
                    attempt.complete(connection);
                }
            });
        } catch (RuntimeException | LinkageError cannotStart) {
            attempt.completeExceptionally(cannotStart);
        }
    }

    /** The connection if it is made already, else null. */
    synchronized C ifConnected() {
        return current != null && current.isDone() && !current.isCompletedExceptionally() ? current.join() : null;
    }

    synchronized void close() {
        closed = true;
        if (current != null) {
            current.thenAccept(StatefulConnection::closeAsync);
        }
    }
}
