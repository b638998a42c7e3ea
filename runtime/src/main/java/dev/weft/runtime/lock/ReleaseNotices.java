package dev.weft.runtime.lock;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the threads of this JVM that wait for a lock when its holder, in any JVM, releases it.
 *
 * <p>The release script publishes on a channel named like the lock's key. This JVM subscribes to that channel, on
 * its one pub/sub connection, only while some local thread waits for that lock, so a release no one waits for costs
 * a PUBLISH to nobody. A waiter is registered, and the subscription confirmed by Redis, before it tries the lock
 * again; a release that happens after that try therefore always reaches it.
 *
 * <p>If Redis refuses the subscription (say, an ACL without pub/sub), waiting still works, more slowly: a waiter
 * then wakes when the holder's lease runs out, as it does anyway for a holder that crashed.
 */
final class ReleaseNotices extends RedisPubSubAdapter<String, String> implements AutoCloseable {
    private final RedisEndpoint redis;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private boolean warned;

    ReleaseNotices(RedisEndpoint redis) {
        this.redis = redis;
        redis.addPubSubListener(this);
    }

    /**
     * Registers the current thread as a waiter for the lock announced on {@code channel}, waiting up to
     * {@code redis.timeout} for the subscription. Close the waiter when done waiting.
     */
    Waiter register(String channel, String purpose) {
        Waiter waiter = new Waiter(channel);
        StatefulRedisPubSubConnection<String, String> connection = null;
        CompletableFuture<Void> subscribed;
        try {
            connection = redis.pubSub(purpose);
        } catch (WeftBackendException e) {
            warnNoNotices(e);
        }
        synchronized (this) {
            Channel known = channels.get(channel);
            if (known == null || known.subscribed.isCompletedExceptionally()) {
                Channel failed = known;
                known = new Channel(connection, subscribe(connection, channel));
                if (failed != null) {
                    known.waiters.addAll(failed.waiters);
                }
                channels.put(channel, known);
            }
            known.waiters.add(waiter);
            subscribed = known.subscribed;
        }
        try {
            redis.await(subscribed, System.nanoTime() + redis.timeout().toNanos(), purpose);
        } catch (WeftBackendException e) {
            warnNoNotices(e);
        }
        return waiter;
    }

    @Override
    public void message(String channel, String message) {
        Channel known = channels.get(channel);
        if (known != null) {
            known.waiters.forEach(Waiter::wake);
        }
    }

    /** Wakes every waiter, so that nobody sleeps through a shutdown. */
    @Override
    public void close() {
        channels.values().forEach(known -> known.waiters.forEach(Waiter::wake));
    }

    private synchronized void unregister(Waiter waiter) {
        Channel known = channels.get(waiter.channel);
        if (known == null || !known.waiters.remove(waiter) || !known.waiters.isEmpty()) {
            return;
        }
        channels.remove(waiter.channel);
        if (known.connection != null && !known.subscribed.isCompletedExceptionally()) {
            try {
                known.connection.async().unsubscribe(waiter.channel);
            } catch (RedisException disconnected) {
                Log.debug("not unsubscribing from " + waiter.channel + ": " + disconnected);
            }
        }
    }

    private static CompletableFuture<Void> subscribe(StatefulRedisPubSubConnection<String, String> connection,
                                                     String channel) {
        if (connection == null) {
            return CompletableFuture.failedFuture(new RedisException("no pub/sub connection"));
        }
        try {
            return connection.async().subscribe(channel).toCompletableFuture();
        } catch (RedisException disconnected) {
            return CompletableFuture.failedFuture(disconnected);
        }
    }

    private synchronized void warnNoNotices(WeftBackendException e) {
        String message = e.getMessage() + "; until this works, a waiter wakes only when the holder's lease runs out";
        if (warned) {
            Log.debug(message);
        } else {
            warned = true;
            Log.warn(message);
        }
    }

    /** The local waiters of one lock. */
    private static final class Channel {
        final StatefulRedisPubSubConnection<String, String> connection;
        final CompletableFuture<Void> subscribed;
        final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

        Channel(StatefulRedisPubSubConnection<String, String> connection, CompletableFuture<Void> subscribed) {
            this.connection = connection;
            this.subscribed = subscribed;
        }
    }

    /** One waiting thread. */
    final class Waiter implements AutoCloseable {
        private final String channel;
        private final Thread thread = Thread.currentThread();
        private volatile boolean notified;

        private Waiter(String channel) {
            this.channel = channel;
        }

        /** Forgets earlier notices; call before each try of the lock, so notices after the try are kept. */
        void reset() {
            notified = false;
        }

        /**
         * Sleeps until a release notice (possibly one that came since {@link #reset}) or for {@code nanos}.
         *
         * @return false when the thread is interrupted, which ends the wait; the interrupt stays set
         */
        boolean await(long nanos) {
            long deadline = System.nanoTime() + nanos;
            while (!notified) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                LockSupport.parkNanos(this, left);
            }
            return true;
        }

        private void wake() {
            notified = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void close() {
            unregister(this);
        }
    }
}
