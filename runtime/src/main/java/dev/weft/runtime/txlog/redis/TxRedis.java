package dev.weft.runtime.txlog.redis;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.txlog.TransactionLogException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The Redis endpoint as the shared transaction log uses it: every call ends within {@code redis.timeout}, and every
 * failure is a {@link TransactionLogException} whose message names Redis (without credentials) and what to check.
 */
final class TxRedis {
    private final RedisEndpoint endpoint;

    TxRedis(RedisEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    RedisEndpoint endpoint() {
        return endpoint;
    }

    /** @param purpose completes "... to {purpose}" in messages */
    <T> T call(String purpose, Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        try {
            return endpoint.call(purpose, command);
        } catch (WeftBackendException e) {
            throw failed(e);
        }
    }

    /**
     * Sends every command at once, rather than one round trip after another, and waits for all their replies within
     * {@code redis.timeout}. Like {@link #call}, it first waits for a cold JVM's connection: building the client is
     * local work, and on a busy machine it alone can take longer than {@code redis.timeout}.
     */
    <T> List<T> callAll(String purpose, List<Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>>> commands) {
        try {
            long deadline = endpoint.deadlineOnceConnected(purpose);
            List<CompletableFuture<T>> replies = commands.stream().map(endpoint::send).toList();
            endpoint.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)), deadline, purpose);
            return replies.stream().map(CompletableFuture::join).toList();
        } catch (WeftBackendException e) {
            throw failed(e);
        }
    }

    /** Sends without waiting, for work whose failure costs only time. */
    <T> CompletableFuture<T> send(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return endpoint.send(command);
    }

    String address() {
        return endpoint.address();
    }

    private static TransactionLogException failed(WeftBackendException e) {
        return new TransactionLogException(e.getMessage() + " (transactions.log.type: redis; until Redis answers, no"
                + " global transaction can begin, and unfinished ones wait for it)", e);
    }
}
