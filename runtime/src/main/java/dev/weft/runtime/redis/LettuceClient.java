package dev.weft.runtime.redis;

import dev.weft.runtime.failure.Causes;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.PartitionSelectorException;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.protocol.ConnectionIntent;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The Lettuce client of one {@link RedisDeployment}, whatever its kind, and its threads. */
interface LettuceClient {
    String CLOSED_IN_HANDSHAKE = "Connection closed prematurely";

    static LettuceClient create(RedisDeployment deployment, Duration timeout) {
        return deployment.kind() == RedisDeployment.Kind.CLUSTER
                ? new ClusterClient(deployment, timeout)
                : new StandaloneClient(deployment, timeout);
    }

    /** A new command connection (to the cluster as a whole, on Redis Cluster). */
    CompletableFuture<StatefulConnection<String, String>> connect();

    CompletableFuture<StatefulRedisPubSubConnection<String, String>> connectPubSub(
            List<RedisPubSubListener<String, String>> listeners);

    /** The nodes as this client sees them now; for {@code status} and JMX. */
    CompletableFuture<RedisTopology> topology();

    /** Bounded and deaf to interrupts: close() may well run on an interrupted thread, in a shutdown. */
    void shutdown(Duration timeout);

    /** The commands of a connection made by {@link #connect}: the cluster's route each key to its slot's master. */
    static RedisClusterAsyncCommands<String, String> commands(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.async();
        }
        return ((StatefulRedisConnection<String, String>) connection).async();
    }

    /**
     * The commands of the very connection that carries {@code key}'s commands, for a keyless command that must go
     * there ({@code WAIT} counts the writes of its own connection). On a cluster that is the connection to the master
     * of the key's slot: Lettuce keeps one per master's host and port for commands it routes by slot, and hands out
     * the same one for that host and port, whereas keyless commands on the cluster connection go to any node.
     */
    static CompletableFuture<RedisClusterAsyncCommands<String, String>> commandsOf(
            StatefulConnection<String, String> connection, String key) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            int slot = SlotHash.getSlot(key);
            RedisClusterNode master = cluster.getPartitions().getMasterBySlot(slot);
            if (master == null) {
                return CompletableFuture.failedFuture(new PartitionSelectorException(
                        "no master serves slot " + slot + " of key " + key, cluster.getPartitions().clone()));
            }
            return cluster.getConnectionAsync(master.getUri().getHost(), master.getUri().getPort(),
                    ConnectionIntent.WRITE).thenApply(StatefulRedisConnection::async);
        }
        return CompletableFuture.completedFuture(commands(connection));
    }

    /**
     * Lettuce closes the channel when the handshake (AUTH, HELLO) is refused and reports the refusal from the
     * close listener, but the channel going inactive races it with a bare "Connection closed prematurely". One
     * more attempt almost always reports the real reason (WRONGPASS, NOPERM), which tells the operator what to fix;
     * a server that really drops connections fails the same way twice.
     */
    static <C> CompletableFuture<C> againIfClosedInHandshake(Supplier<CompletableFuture<C>> connect) {
        return connect.get().exceptionallyCompose(failure -> closedInHandshake(failure)
                ? connect.get() : CompletableFuture.failedFuture(failure));
    }

    private static boolean closedInHandshake(Throwable failure) {
        return Causes.any(failure, t -> t instanceof RedisConnectionException
                && CLOSED_IN_HANDSHAKE.equals(t.getMessage()));
    }
}
