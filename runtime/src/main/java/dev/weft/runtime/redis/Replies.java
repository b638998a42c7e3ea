package dev.weft.runtime.redis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for Redis replies from application threads. */
public final class Replies {
    private Replies() {
    }

    /**
     * The reply, waited for until {@code deadlineNanos} ({@link System#nanoTime()} based).
     *
     * <p>Not interruptible: every wait is bounded, and giving up half-way would leave the caller not knowing whether
     * Redis acted. An interrupt that arrives meanwhile is kept on the thread for the application to see.
     *
     * @throws ExecutionException with the command's failure as its cause
     * @throws TimeoutException at the deadline; the command is then cancelled
     */
    public static <T> T await(CompletionStage<T> reply, long deadlineNanos) throws ExecutionException, TimeoutException {
        CompletableFuture<T> future = reply.toCompletableFuture();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (CancellationException e) {
                    throw new ExecutionException(e);
                } catch (TimeoutException e) {
                    future.cancel(false);
                    throw e;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The failure itself, out of the {@link CompletionException} that dependent stages wrap it in. */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
