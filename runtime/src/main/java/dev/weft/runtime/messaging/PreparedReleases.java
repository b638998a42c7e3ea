package dev.weft.runtime.messaging;

import dev.weft.runtime.log.Log;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Publishes or discards prepared messages once their transaction's outcome is known, on one background thread, so
 * that the committing thread never waits for Redis. What fails here (Redis down, a crash first) stays prepared and is
 * resolved by a check-back ({@link PreparedCheck}).
 */
final class PreparedReleases implements AutoCloseable {
    private final PreparedMessages prepared;
    private final Function<String, StreamMetrics> metrics;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread daemon = new Thread(runnable, "weft-prepared-release");
        daemon.setDaemon(true);
        return daemon;
    });

    PreparedReleases(PreparedMessages prepared, Function<String, StreamMetrics> metrics) {
        this.prepared = prepared;
        this.metrics = metrics;
    }

    /** Its transaction committed. */
    void committed(Message message) {
        metrics.apply(message.stream()).countPublished();
        release(message, true);
    }

    /** Its transaction rolled back, or its method threw. */
    void rolledBack(Message message) {
        release(message, false);
    }

    private void release(Message message, boolean publish) {
        thread.execute(() -> {
            try {
                boolean released = publish ? prepared.publish(message.stream(), message.id())
                        : prepared.discard(message.stream(), message.id());
                if (released) {
                    StreamMetrics stream = metrics.apply(message.stream());
                    if (publish) {
                        stream.countRelayed(1);
                    } else {
                        stream.countDiscarded();
                    }
                }
            } catch (RuntimeException e) {
                metrics.apply(message.stream()).countRelayFailure();
                Log.warn("could not " + (publish ? "publish" : "discard") + " prepared message \"" + message.id()
                        + "\" of stream " + message.stream() + " (" + e.getMessage() + "); a check-back resolves it"
                        + " once it is due");
            }
        });
    }

    /** At exit: what is queued goes out, for at most {@code within}; the rest is left to a check-back. */
    void drain(Duration within) {
        thread.shutdown();
        try {
            thread.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
