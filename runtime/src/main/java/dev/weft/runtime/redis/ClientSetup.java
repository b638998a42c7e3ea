package dev.weft.runtime.redis;

import dev.weft.runtime.config.RedisTls;
import dev.weft.runtime.log.Log;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every Lettuce client of Weft shares, standalone or cluster. Set up for a guest inside someone else's JVM: every
 * thread is a daemon named {@code weft-redis-...}; commands fail at once while disconnected instead of queueing (on a
 * cluster: wait for a node's connection, see {@link #configure}), and
 * every call is bounded by {@code redis.timeout}; Lettuce reconnects in the background, at most
 * {@link RedisEndpoint#RECONNECT_CAP} apart.
 */
final class ClientSetup {
    static {
        // Before any Lettuce class logs: parsing a URI already does, and with slf4j present and unbound it would print.
        LibraryLogging.install();
    }

    private ClientSetup() {
    }

    static ClientResources resources() {
        return DefaultClientResources.builder()
                .threadFactoryProvider(pool -> new DefaultThreadFactory("weft-" + pool.replace("lettuce-", "redis-"), true))
                .ioThreadPoolSize(DefaultClientResources.MIN_IO_THREADS)
                .computationThreadPoolSize(DefaultClientResources.MIN_COMPUTATION_THREADS)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), RedisEndpoint.RECONNECT_CAP, 2, TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * The options of {@code builder}, a standalone or cluster builder, set as Weft needs them.
     *
     * @param whileDisconnected what a command meets on a connection that is down: a cluster connects to each node on
     *                          the first command for one of its slots (and to a promoted replica after a failover),
     *                          so there a command waits for that connection, still no longer than {@code timeout}
     */
    static <B extends ClientOptions.Builder> B configure(B builder, Duration timeout, Optional<RedisTls> tls,
                                                         ClientOptions.DisconnectedBehavior whileDisconnected) {
        builder.disconnectedBehavior(whileDisconnected)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build());
        tls.ifPresent(stores -> builder.sslOptions(sslOptions(stores)));
        return builder;
    }

    static RedisURI uri(String uri, Duration timeout) {
        RedisURI parsed = RedisURI.create(uri);
        parsed.setTimeout(timeout);
        return parsed;
    }

    /** Bounded by {@code timeout} and deaf to interrupts: it may well run on an interrupted thread, in a shutdown. */
    static void shutdown(AbstractRedisClient client, ClientResources resources, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Replies.await(client.shutdownAsync(0, timeout.toMillis(), TimeUnit.MILLISECONDS), deadline);
        } catch (ExecutionException | TimeoutException e) {
            Log.debug("closing the Redis client: " + e);
        }
        resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }

    private static SslOptions sslOptions(RedisTls tls) {
        SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
        tls.trustStore().ifPresent(store -> ssl.truststore(store.toFile(), tls.trustStorePassword()));
        tls.keyStore().ifPresent(store -> ssl.keystore(store.toFile(), tls.keyStorePassword().toCharArray()));
        return ssl.build();
    }
}
