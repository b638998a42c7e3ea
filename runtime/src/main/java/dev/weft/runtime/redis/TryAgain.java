package dev.weft.runtime.redis;

import io.lettuce.core.RedisCommandExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends a command again while Redis Cluster answers {@code TRYAGAIN}: during a slot migration, a command with several
 * keys (a Weft script) whose keys are partly on the source and partly on the target is refused with TRYAGAIN and not
 * run, on the source as well as on the target (after ASKING). It runs once the last of its keys has moved, a MIGRATE
 * later. Lettuce follows MOVED and ASK itself but hands TRYAGAIN to the caller, so Weft tries again, pausing between
 * tries, until the caller's deadline; the last TRYAGAIN is the failure if the keys are still split then.
 */
final class TryAgain {
    static final long PAUSE_MILLIS = 10;
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
            if (!isTryAgain(cause)
                    || deadlineNanos - System.nanoTime()
                    <= TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS + LAST_REPLY_MARGIN_MILLIS)) {
                return CompletableFuture.failedFuture(cause);
            }
            return CompletableFuture.runAsync(() -> { }, AFTER_PAUSE).thenCompose(paused -> until(deadlineNanos, command));
        });
    }

    static boolean isTryAgain(Throwable failure) {
        return failure instanceof RedisCommandExecutionException && failure.getMessage() != null
                && failure.getMessage().startsWith("TRYAGAIN");
    }
}
