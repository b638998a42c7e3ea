package dev.weft.runtime.lock;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One command sent to every node at once (never one after another), and the replies as they come in. The caller
 * decides, with a predicate over the replies so far, when it knows enough; a slow or stopped node then delays
 * nobody. Every reply ends within {@code redis.timeout} (Lettuce's command timeout), so {@link #decided} always
 * completes.
 *
 * @param <T> one node's reply
 */
final class Fanout<T> {
    private final List<RedisEndpoint> nodes;
    private final List<T> replies = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Predicate<Fanout<T>>> tests = new ArrayList<>();
    private final List<CompletableFuture<Fanout<T>>> waiting = new ArrayList<>();
    private int answered;

    private Fanout(List<RedisEndpoint> nodes) {
        this.nodes = nodes;
    }

    static <T> Fanout<T> send(List<RedisEndpoint> nodes,
                              Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        Fanout<T> fanout = new Fanout<>(nodes);
        for (RedisEndpoint node : nodes) {
            node.send(command).whenComplete((reply, failure) -> fanout.onReply(node, reply, failure));
        }
        return fanout;
    }

    /** Completes once {@code enough} holds for the replies so far, or every node has answered or failed. */
    CompletableFuture<Fanout<T>> decided(Predicate<Fanout<T>> enough) {
        CompletableFuture<Fanout<T>> future = new CompletableFuture<>();
        synchronized (this) {
            if (answered < nodes.size() && !enough.test(this)) {
                tests.add(enough);
                waiting.add(future);
                return future;
            }
        }
        future.complete(this);
        return future;
    }

    /** Replies so far, in no particular order. */
    synchronized List<T> replies() {
        return List.copyOf(replies);
    }

    synchronized int failed() {
        return failures.size();
    }

    /** Replies and failures so far. */
    synchronized int answered() {
        return answered;
    }

    synchronized int count(Predicate<T> test) {
        return (int) replies.stream().filter(test).count();
    }

    /** The first failure, as the application would see it, or null when none failed (yet). */
    synchronized WeftBackendException firstFailure(String purpose) {
        return failures.isEmpty() ? null : failures.get(0).node.failure(purpose, failures.get(0).cause);
    }

    private record Failure(RedisEndpoint node, Throwable cause) {
    }

    private void onReply(RedisEndpoint node, T reply, Throwable failure) {
        List<CompletableFuture<Fanout<T>>> done = new ArrayList<>();
        synchronized (this) {
            answered++;
            if (failure == null) {
                replies.add(reply);
            } else {
                failures.add(new Failure(node, failure));
            }
            for (int i = tests.size() - 1; i >= 0; i--) {
                if (answered == nodes.size() || tests.get(i).test(this)) {
                    tests.remove(i);
                    done.add(waiting.remove(i));
                }
            }
        }
        // Outside the lock: what runs next may look at the replies from another thread.
        done.forEach(future -> future.complete(this));
    }
}
