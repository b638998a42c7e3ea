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
    private static final Executor AFTER_PAUSE = CompletableFuture.delayedExecutor(PAUSE_MILLIS, TimeUnit.MILLISECONDS);

    private TryAgain() {
    }

    /** {@code command}'s reply, sent again after each TRYAGAIN that leaves a pause before {@code deadlineNanos}. */
    static <T> CompletableFuture<T> until(long deadlineNanos, Supplier<CompletionStage<T>> command) {
        return command.get().toCompletableFuture().exceptionallyCompose(failure -> {
            Throwable cause = Replies.cause(failure);
            if (!isTryAgain(cause)
                    || deadlineNanos - System.nanoTime() <= TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS)) {
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
