package dev.weft.runtime.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends a command again, pausing between tries, until the caller's deadline, while it was refused without being run:
 * <ul>
 *   <li>Redis Cluster answers {@code TRYAGAIN} during a slot migration to a command with several keys (a Weft script)
 *       whose keys are partly on the source and partly on the target, on the source as well as on the target (after
 *       ASKING). It runs once the last of its keys has moved, a MIGRATE later. Lettuce follows MOVED and ASK itself
 *       but hands TRYAGAIN to the caller.</li>
 *   <li>Lettuce rejects a command, without sending it, while its connection is down and it reconnects in the
 *       background (a Redis restart, a dropped connection): a call made then waits for the reconnection within its
 *       {@code redis.timeout}, as it would wait for a slow reply, rather than fail while Redis may be up.</li>
 * </ul>
 * The last refusal is the failure if it lasts until the deadline.
 */
final class TryAgain {
    static final long PAUSE_MILLIS = 10;
    /** Lettuce's message (DefaultEndpoint) for a command refused before it was written, while disconnected. */
    static final String REJECTED_WHILE_DISCONNECTED = "Currently not connected.";
    /**
     * No try is sent later than this before the deadline, so that its TRYAGAIN, not the caller's "did not answer in
     * time", is what the caller sees when the keys stay split: a round trip takes well under a millisecond.
     */
    static final long LAST_REPLY_MARGIN_MILLIS = 100;
    /**
     * Sends on the JDK's delay thread itself rather than the application's common pool: sending only hands the command
     * to Lettuce, which does not block.
     */
    private static final Executor AFTER_PAUSE = CompletableFuture.delayedExecutor(PAUSE_MILLIS, TimeUnit.MILLISECONDS,
            Runnable::run);

    private TryAgain() {
    }

    /**
     * {@code command}'s reply, sent again after each TRYAGAIN that leaves a pause and {@link #LAST_REPLY_MARGIN_MILLIS}
     * before {@code deadlineNanos}.
     */
    static <T> CompletableFuture<T> until(long deadlineNanos, Supplier<CompletionStage<T>> command) {
        return command.get().toCompletableFuture().exceptionallyCompose(failure -> {
            Throwable cause = Replies.cause(failure);
            if (!(isTryAgain(cause) || isRejectedWhileDisconnected(cause))
                    || deadlineNanos - System.nanoTime()
                    <= TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS + LAST_REPLY_MARGIN_MILLIS)) {
                return CompletableFuture.failedFuture(cause);
            }
            return CompletableFuture.runAsync(() -> { }, AFTER_PAUSE).thenCompose(paused -> until(deadlineNanos, command));
        });
    }

    /** Lettuce's refusal, at the write, of a command it did not send: so sending it again cannot run it twice. */
    static boolean isRejectedWhileDisconnected(Throwable failure) {
        return failure instanceof RedisException && failure.getMessage() != null
                && failure.getMessage().startsWith(REJECTED_WHILE_DISCONNECTED);
    }

    static boolean isTryAgain(Throwable failure) {
        return failure instanceof RedisCommandExecutionException && failure.getMessage() != null
                && failure.getMessage().startsWith("TRYAGAIN");
    }
}
