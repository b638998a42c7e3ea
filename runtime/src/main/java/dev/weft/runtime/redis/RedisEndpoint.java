package dev.weft.runtime.redis;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.log.Log;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One Redis as Weft uses it, whatever its deployment ({@link RedisDeployment}: a server, a Sentinel group's master,
 * a Redis Cluster): a command connection shared by all threads and, made only when first needed, one pub/sub
 * connection and one connection for commands that block on the server. Commands are given the
 * {@link RedisClusterAsyncCommands} every deployment has; on a cluster each goes to its key's slot, so a script's keys
 * must share a hash tag.
 *
 * <p>Set up for a guest inside someone else's JVM ({@link ClientSetup}): Lettuce refuses commands at once while
 * disconnected (a cluster's wait for their node's connection), and Weft sends them again until the call's
 * {@code redis.timeout} ({@link TryAgain}), so every call is bounded by it; Lettuce reconnects in the background, at
 * most {@link #RECONNECT_CAP} apart, so a Redis that comes back is used again soon. Nothing is loaded or connected
 * before {@link #startConnecting()} or the first call.
 */
public final class RedisEndpoint implements AutoCloseable {
    static final Duration RECONNECT_CAP = Duration.ofSeconds(1);
    /** How long a call waits for the client to be built, beyond {@code redis.timeout}: see {@link #connected}. */
    static final Duration CLIENT_BUILD_ALLOWANCE = Duration.ofSeconds(30);

    private final RedisDeployment deployment;
    private final String address;
    private final Duration timeout;
    private final List<RedisPubSubListener<String, String>> pubSubListeners = new CopyOnWriteArrayList<>();
    private final LazyConnection<StatefulConnection<String, String>> commands;
    private final LazyConnection<StatefulRedisPubSubConnection<String, String>> pubSub;
    private final LazyConnection<StatefulConnection<String, String>> blocking;
    private LettuceClient client;
    private boolean closed;
    /** Completes once every command {@link #send} was given has been written (or failed to be). */
    private CompletableFuture<Void> unsent = CompletableFuture.completedFuture(null);

    /** One server, or a Sentinel group's master ({@code redis-sentinel://}), with the JVM's TLS defaults. */
    public RedisEndpoint(String uri, Duration timeout) {
        this(RedisDeployment.single(uri), timeout);
    }

    public RedisEndpoint(RedisDeployment deployment, Duration timeout) {
        this.deployment = deployment;
        this.address = deployment.address();
        this.timeout = timeout;
        this.commands = new LazyConnection<>(() -> client().connect());
        this.pubSub = new LazyConnection<>(() -> client().connectPubSub(pubSubListeners));
        this.blocking = new LazyConnection<>(() -> client().connect());
    }

    /** The Redis that {@code redis:} names for {@code mode: single}: {@code redis.cluster} if given, else {@code redis.uri}. */
    public static RedisEndpoint of(RedisSettings settings) {
        return new RedisEndpoint(RedisDeployment.of(settings), settings.timeout());
    }

    public RedisDeployment deployment() {
        return deployment;
    }

    /**
     * The deployment's kind, nodes and current master(s), asked of Redis (of the Sentinels, of the cluster) within
     * {@code redis.timeout}.
     */
    public RedisTopology topology() {
        long deadline = System.nanoTime() + timeout.toNanos();
        String purpose = "describe the deployment";
        await(commands.get(), deadline, purpose);
        return await(client().topology(), deadline, purpose);
    }

    /** Where Redis is, for messages: the configured URI(s) without user and password. */
    public String address() {
        return address;
    }

    /**
     * Loads the client and opens the command connection in the background; returns at once. A failure is logged as a
     * warning, so a wrong {@code redis.uri} shows at start-up rather than at the first locked call.
     */
    public void startConnecting() {
        commands.get().whenComplete((connection, failure) -> {
            if (failure != null) {
                Log.warn(RedisFailures.backendException(address, timeout, "connect", Replies.cause(failure)).getMessage()
                        + "; calls that need Redis fail until it can be reached");
            }
        });
    }

    /**
     * Waits until the command connection is made, starting it if need be: a cold JVM's first lock call spends this
     * on connecting, not its {@code wait}.
     *
     * <p>An attempt that timed out is no answer: a cold JVM on a busy machine can miss {@code redis.timeout} in the
     * handshake with a healthy Redis. So it is made again, each attempt taking as long as the first may, while
     * {@code retryFor} (the call's {@code wait}) has not passed since the first one failed. A refusal is an answer and
     * fails at once.
     *
     * @return when the caller's {@code wait} starts ({@link System#nanoTime()}): now, or when the first attempt
     *         timed out
     * @throws WeftBackendException when it cannot be made (see {@link #connected})
     */
    public long awaitConnected(String purpose, Duration retryFor) {
        boolean failedOnce = false;
        long firstFailed = 0;
        while (true) {
            try {
                connected(commands, purpose);
                return failedOnce ? firstFailed : System.nanoTime();
            } catch (WeftBackendException e) {
                long now = System.nanoTime();
                if (!failedOnce) {
                    failedOnce = true;
                    firstFailed = now;
                }
                if (!RedisFailures.isTimeout(e.getCause()) || now - firstFailed >= retryFor.toNanos()) {
                    throw e;
                }
                Log.warn(e.getMessage() + "; connecting again, for up to " + Durations.text(retryFor)
                        + " (the call's wait)");
            }
        }
    }

    /**
     * {@link #awaitConnected}, then the deadline of a call's {@code redis.timeout}, which starts only now: for callers
     * that send several commands and wait for their replies together, as {@link #call} does for one.
     *
     * @throws WeftBackendException when the connection cannot be made (see {@link #connected})
     */
    public long deadlineOnceConnected(String purpose) {
        connected(commands, purpose);
        return System.nanoTime() + timeout.toNanos();
    }

    /**
     * The connection of {@code lazy}, waiting for the attempt under way. It ends on its own within the time to build
     * the client plus {@code redis.timeout} (Lettuce's connect timeout). Building the client is local work: loading
     * Lettuce and Netty, under a second on an idle machine but several when a busy one starts many JVMs at once, so
     * a first call is not failed for it as if Redis were slow; {@link #CLIENT_BUILD_ALLOWANCE} only guards against a
     * hang.
     */
    private <C extends StatefulConnection<String, String>> C connected(LazyConnection<C> lazy, String purpose) {
        return await(lazy.get(), System.nanoTime() + CLIENT_BUILD_ALLOWANCE.plus(timeout).toNanos(), purpose);
    }

    /**
     * Runs one command and waits for its reply, connecting first if need be; all of it within {@code redis.timeout}.
     *
     * @param purpose what the command is for, completing "... to {purpose}" in messages, e.g. {@code lock "sku:1"}
     * @throws WeftBackendException when Redis cannot be reached, answers with an error or not in time
     */
    public <T> T call(String purpose, Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        StatefulConnection<String, String> connection = connected(commands, purpose);
        // Counted from here: loading the client on first use is local work, not Redis being slow.
        long deadline = System.nanoTime() + timeout.toNanos();
        return await(send(connection, deadline, command), deadline, purpose);
    }

    /**
     * {@link #call} for a keyless command that must run on the connection that carries {@code key}'s commands:
     * {@code WAIT} after a write of that key (on a cluster, keyless commands would go to any node).
     */
    public <T> T callBeside(String key, String purpose,
                            Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        StatefulConnection<String, String> connection = connected(commands, purpose);
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletionStage<T> reply = LettuceClient.commandsOf(connection, key)
                .thenCompose(redis -> command.apply(redis));
        return await(reply, deadline, purpose);
    }

    /**
     * {@link #call} for a command that may wait on the server ({@code XREADGROUP ... BLOCK}), on a connection of its
     * own: Redis answers a connection's commands in order, so on the shared one it would hold up every other command.
     * For one thread at a time; {@code block} must be shorter than {@code redis.timeout}, which bounds the call.
     */
    public <T> T callBlocking(String purpose,
                              Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        StatefulConnection<String, String> connection = connected(blocking, purpose);
        long deadline = System.nanoTime() + timeout.toNanos();
        return await(send(connection, deadline, command), deadline, purpose);
    }

    /**
     * Sends one command without waiting, for background work; fails at once, without connecting, when the command
     * connection is not up.
     */
    public <T> CompletableFuture<T> callAsync(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        StatefulConnection<String, String> connection = commands.ifConnected();
        return connection == null
                ? CompletableFuture.failedFuture(new RedisException("not connected"))
                : send(connection, System.nanoTime() + timeout.toNanos(), command).toCompletableFuture();
    }

    /**
     * Sends one command without waiting, connecting first if need be; for calls made to several servers at once.
     * The reply fails after about {@code redis.timeout} at the latest (Lettuce's command timeout, and the end of the
     * tries after TRYAGAIN).
     */
    public <T> CompletableFuture<T> send(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        CompletableFuture<StatefulConnection<String, String>> connecting = commands.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            if (connecting.isDone() && unsent.isDone()) {
                return connecting.thenCompose(connection -> send(connection, deadline, command));
            }
            // Dependents of one future run in no promised order: chain the sends, so that commands issued while
            // connecting go out in the order they were issued (a release must not overtake its acquire).
            CompletableFuture<CompletionStage<T>> written = unsent.thenCompose(ignored -> connecting)
                    .thenApply(connection -> send(connection, deadline, command));
            unsent = written.handle((sent, failure) -> null);
            return written.thenCompose(reply -> reply);
        }
    }

    /** Turns the failure of a call made with {@link #send} into the exception the application sees. */
    public WeftBackendException failure(String purpose, Throwable failure) {
        return RedisFailures.backendException(address, timeout, purpose, Replies.cause(failure));
    }

    /** Listens on the pub/sub connection; to be called before the first {@link #pubSub}. */
    public void addPubSubListener(RedisPubSubListener<String, String> listener) {
        pubSubListeners.add(listener);
    }

    /** The pub/sub connection, connecting first if it is not made yet (see {@link #connected}). */
    public StatefulRedisPubSubConnection<String, String> pubSub(String purpose) {
        return connected(pubSub, purpose);
    }

    /** The pub/sub connection, or the attempt that will make it: never blocks. */
    public CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSubConnecting() {
        return pubSub.get();
    }

    /** Waits for a reply until {@code deadlineNanos}, reporting a failure like {@link #call}. */
    public <T> T await(CompletionStage<T> reply, long deadlineNanos, String purpose) {
        try {
            return Replies.await(reply, deadlineNanos);
        } catch (ExecutionException e) {
            throw RedisFailures.backendException(address, timeout, purpose, e.getCause());
        } catch (TimeoutException e) {
            throw RedisFailures.backendException(address, timeout, purpose, e);
        }
    }

    public Duration timeout() {
        return timeout;
    }

    /** Closes the connections and stops the client's threads, waiting at most about {@code redis.timeout}. */
    @Override
    public void close() {
        LettuceClient toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = client;
        }
        commands.close();
        pubSub.close();
        blocking.close();
        if (toClose != null) {
            toClose.shutdown(timeout);
        }
    }

    /** Sends {@code command}, again after a TRYAGAIN (a cluster slot half-moved) until {@code deadlineNanos}. */
    private static <T> CompletionStage<T> send(StatefulConnection<String, String> connection, long deadlineNanos,
                                               Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return TryAgain.until(deadlineNanos, () -> {
            try {
                return command.apply(LettuceClient.commands(connection));
            } catch (RedisException rejected) {
                return CompletableFuture.failedFuture(rejected);
            }
        });
    }

    private synchronized LettuceClient client() {
        if (closed) {
            throw new RedisException("Weft's Redis client is shut down");
        }
        if (client == null) {
            // Netty's timer start-up swallows an interrupt of the thread creating it: keep the application's.
            boolean interrupted = Thread.interrupted();
            try {
                client = LettuceClient.create(deployment, timeout);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return client;
    }
}
