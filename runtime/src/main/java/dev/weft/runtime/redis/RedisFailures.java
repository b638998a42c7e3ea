package dev.weft.runtime.redis;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.failure.Causes;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.PartitionException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/** Turns a failed Redis call into the exception the application sees, with a message that says what to check. */
final class RedisFailures {
    private RedisFailures() {
    }

    /**
     * @param address  the Redis address, without credentials
     * @param purpose  what Weft was doing, completing "... to {purpose}", e.g. {@code lock "sku:1"}
     */
    static WeftBackendException backendException(String address, Duration timeout, String purpose, Throwable failure) {
        if (isTimeout(failure)) {
            return new WeftBackendException("Redis at " + address + " did not answer within " + Durations.text(timeout)
                    + " to " + purpose + "; check that Redis is running and not overloaded, or raise redis.timeout in"
                    + " weft.yaml", failure);
        }
        String reason = rootMessage(failure);
        if (isAccessError(reason)) {
            return new WeftBackendException("Redis at " + address + " refused to " + purpose + " (" + reason
                    + "); check the user and password in redis.uri in weft.yaml and the server's ACL", failure);
        }
        if (failure instanceof RedisCommandExecutionException) {
            return new WeftBackendException("Redis at " + address + " refused to " + purpose + " (" + reason
                    + "); check the Redis server's configuration and log", failure);
        }
        if (Causes.any(failure, t -> t instanceof PartitionException)) {
            return new WeftBackendException("the Redis Cluster at " + address + " has no master for the slot of the"
                    + " key needed to " + purpose + " (" + reason + "); a failover is probably under way and the call"
                    + " failed closed: retry later, and check CLUSTER NODES if it lasts", failure);
        }
        if (isConnectionFailure(failure)) {
            return new WeftBackendException("cannot reach Redis at " + address + " to " + purpose + " (" + reason
                    + "); check redis.uri in weft.yaml and that Redis is running", failure);
        }
        // Not Redis's fault: say so, rather than send the operator to check a healthy server.
        return new WeftBackendException("Weft failed to " + purpose + " on Redis at " + address + " ("
                + rootOf(failure) + "); this is a Weft bug: please report it with the output of log.level: debug",
                failure);
    }

    /**
     * Whether {@code failure} is Redis not answering in time, rather than an answer: also a connection whose TCP
     * connect or handshake timed out (Lettuce wraps those).
     */
    static boolean isTimeout(Throwable failure) {
        // A cancelled reply is one that a waiter gave up on at its deadline.
        return Causes.any(failure, t -> t instanceof TimeoutException || t instanceof RedisCommandTimeoutException
                || t instanceof CancellationException || t instanceof ConnectTimeoutException);
    }

    private static boolean isConnectionFailure(Throwable failure) {
        // Lettuce reports rejected-while-disconnected and closed connections as plain RedisExceptions.
        return Causes.any(failure, t -> t instanceof RedisConnectionException || t instanceof IOException
                || t instanceof RedisException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).matches(".*(connect|shut down|closed).*"));
    }

    private static boolean isAccessError(String reply) {
        return reply.startsWith("NOAUTH") || reply.startsWith("WRONGPASS") || reply.startsWith("NOPERM");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = rootOf(failure);
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
