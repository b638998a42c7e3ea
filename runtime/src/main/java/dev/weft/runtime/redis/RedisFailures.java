package dev.weft.runtime.redis;

import dev.weft.api.WeftBackendException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
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
        if (failure instanceof TimeoutException || failure instanceof RedisCommandTimeoutException) {
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
        return new WeftBackendException("cannot reach Redis at " + address + " to " + purpose + " (" + reason
                + "); check redis.uri in weft.yaml and that Redis is running", failure);
    }

    private static boolean isAccessError(String reply) {
        return reply.startsWith("NOAUTH") || reply.startsWith("WRONGPASS") || reply.startsWith("NOPERM");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
