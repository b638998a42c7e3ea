package dev.weft.runtime.txlog.redis;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.RepeatedWarning;
import dev.weft.runtime.txlog.Wakeups;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Wake-ups over Redis pub/sub: channel {@code <keyPrefix>tx:wake}, message {@code <xid> <class>,<class>,...}.
 *
 * <p>The subscription is made on the endpoint's pub/sub connection, like the lock's grant notices; Lettuce subscribes
 * again by itself after a reconnect. If Redis cannot be reached when {@link #subscribe} is first called, it is tried
 * again every second in the background: meanwhile the due queue still brings every transaction back, later.
 *
 * <p>Listeners run on one thread of their own ({@code weft-tx-wakeups}), never on Lettuce's I/O thread, since they
 * call Redis and would otherwise wait for replies that the same thread has to read.
 */
public final class RedisWakeups implements Wakeups {
    private static final String PURPOSE = "subscribe to wake-ups of global transactions";
    private static final long RESUBSCRIBE_MILLIS = 1000;

    private final TxRedis redis;
    private final String channel;
    private final boolean ownsEndpoint;
    private final List<BiConsumer<String, Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "weft-tx-wakeups");
        thread.setDaemon(true);
        return thread;
    });
    private boolean subscribing;
    private final RepeatedWarning notSubscribed = new RepeatedWarning();
    private volatile boolean closed;

    /** Wake-ups over connections of their own (when the log itself is not in Redis). */
    public RedisWakeups(RedisSettings settings) {
        this(new TxRedis(RedisEndpoint.of(settings)), new TxKeys(settings.keyPrefix()), true);
    }

    RedisWakeups(TxRedis redis, TxKeys keys, boolean ownsEndpoint) {
        this.redis = redis;
        this.channel = keys.wakeChannel();
        this.ownsEndpoint = ownsEndpoint;
        redis.endpoint().addPubSubListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (from.equals(channel)) {
                    deliver(message);
                }
            }
        });
    }

    @Override
    public void publish(String xid, Set<String> participantClasses) {
        String message = xid + " " + String.join(",", participantClasses);
        redis.call("publish a wake-up for global transaction " + xid, r -> r.publish(channel, message));
    }

    /** Waits up to {@code redis.timeout} for the subscription; when it fails, it goes on trying in the background. */
    @Override
    public void subscribe(BiConsumer<String, Set<String>> listener) {
        listeners.add(listener);
        synchronized (this) {
            if (subscribing) {
                return;
            }
            subscribing = true;
        }
        try {
            redis.endpoint().await(trySubscribe(), System.nanoTime() + redis.endpoint().timeout().toNanos(), PURPOSE);
        } catch (WeftBackendException e) {
            // trySubscribe reports it and tries again
        }
    }

    private CompletableFuture<Void> trySubscribe() {
        CompletableFuture<Void> subscribed;
        try {
            subscribed = redis.endpoint().pubSub(PURPOSE).async().subscribe(channel).toCompletableFuture();
        } catch (WeftBackendException | RedisException e) {
            subscribed = CompletableFuture.failedFuture(e);
        }
        subscribed.whenComplete((ignored, failure) -> {
            if (failure != null && !closed) {
                warnNotSubscribed(failure);
                CompletableFuture.delayedExecutor(RESUBSCRIBE_MILLIS, TimeUnit.MILLISECONDS, delivery)
                        .execute(this::trySubscribe);
            }
        });
        return subscribed;
    }

    private void deliver(String message) {
        int space = message.indexOf(' ');
        String xid = space < 0 ? message : message.substring(0, space);
        Set<String> classes = space < 0 ? Set.of() : Arrays.stream(message.substring(space + 1).split(","))
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        try {
            delivery.execute(() -> listeners.forEach(listener -> {
                try {
                    listener.accept(xid, classes);
                } catch (RuntimeException e) {
                    Log.warn("handling the wake-up of global transaction " + xid + " failed: " + e + "; recovery"
                            + " will come back to it");
                }
            }));
        } catch (RejectedExecutionException closing) {
            // closed meanwhile: nobody listens any more
        }
    }

    private void warnNotSubscribed(Throwable failure) {
        notSubscribed.log("cannot " + PURPOSE + " on Redis at " + redis.address() + " (" + failure.getMessage() + ");"
                + " trying again every second. Meanwhile branches of other services are finished by recovery, later");
    }

    @Override
    public void close() {
        closed = true;
        delivery.shutdownNow();
        if (ownsEndpoint) {
            redis.endpoint().close();
        } else {
            listeners.clear();
        }
    }
}
