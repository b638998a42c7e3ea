package dev.weft.runtime.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Redis Cluster through Lettuce's cluster client: each command goes to the master of its key's slot; MOVED and ASK
 * are followed (TRYAGAIN, during a slot migration, is {@link RedisEndpoint}'s), and the slot map is read again every
 * {@link #PERIODIC_REFRESH} and at once on MOVED, ASK, a reconnect or an unknown node (adaptive refresh), so a
 * failover or a slot migration is picked up within a round trip or two, a crashed master's within about a second of
 * its replica's promotion (the reconnect attempts to it trigger the refresh). Pub/sub uses one node: Redis Cluster forwards every PUBLISH to all nodes.
 */
final class ClusterClient implements LettuceClient {
    static final Duration PERIODIC_REFRESH = Duration.ofSeconds(10);
    /** At most one adaptive refresh this often, so a storm of MOVED replies costs one CLUSTER NODES round. */
    private static final Duration ADAPTIVE_REFRESH_GAP = Duration.ofMillis(500);

    private final ClientResources resources;
    private final RedisClusterClient redis;

    ClusterClient(RedisDeployment deployment, Duration timeout) {
        List<RedisURI> seeds = deployment.uris().stream().map(uri -> ClientSetup.uri(uri, timeout)).toList();
        resources = ClientSetup.resources();
        redis = RedisClusterClient.create(resources, seeds);
        redis.setOptions(ClientSetup.configure(ClusterClientOptions.builder(), timeout, deployment.tls(),
                        ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(PERIODIC_REFRESH)
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_GAP)
                        .build())
                .nodeFilter(ClusterClient::inSlotMap)
                .build());
    }

    /**
     * Leaves out of the slot map a node the cluster agreed has failed (FAIL, not one node's PFAIL suspicion) once it
     * serves no slots, i.e. once a replica took them over. A crashed master stays listed as {@code master,fail} until
     * it is forgotten; while it is in the map Lettuce keeps its connection, and the commands queued on it wait there
     * for their timeout even after its replica took its slots. Left out, its connection is closed as stale, which
     * sends those commands again to the slots' new master, and the reconnect attempts to the dead process stop.
     * While it still has slots it stays, so that its keys' calls wait (within redis.timeout) rather than fail at once
     * for a slot without a master.
     */
    static boolean inSlotMap(RedisClusterNode node) {
        return !(node.is(RedisClusterNode.NodeFlag.FAIL) && node.getSlots().isEmpty());
    }

    @Override
    public CompletableFuture<StatefulConnection<String, String>> connect() {
        return LettuceClient.againIfClosedInHandshake(() -> withSlotMap()
                .thenCompose(loaded -> redis.connectAsync(StringCodec.UTF8))
                .thenApply(connection -> connection));
    }

    @Override
    public CompletableFuture<StatefulRedisPubSubConnection<String, String>> connectPubSub(
            List<RedisPubSubListener<String, String>> listeners) {
        return LettuceClient.againIfClosedInHandshake(() -> withSlotMap()
                        .thenCompose(loaded -> redis.connectPubSubAsync(StringCodec.UTF8)))
                .thenApply(connection -> {
                    listeners.forEach(connection::addListener);
                    return connection;
                });
    }

    /** Lettuce's asynchronous connects need the slot map loaded first; loading it again later is the refresh's job. */
    private CompletableFuture<Void> withSlotMap() {
        return redis.refreshPartitionsAsync().toCompletableFuture().thenApply(loaded -> null);
    }

    @Override
    public CompletableFuture<RedisTopology> topology() {
        return redis.refreshPartitionsAsync().toCompletableFuture().thenApply(refreshed -> {
            List<RedisClusterNode> nodes = List.copyOf(redis.getPartitions().getPartitions());
            return new RedisTopology(RedisDeployment.Kind.CLUSTER.label(),
                    nodes.stream().map(ClusterClient::hostAndPort).sorted().toList(),
                    nodes.stream().filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                            .map(ClusterClient::hostAndPort).sorted().toList());
        });
    }

    private static String hostAndPort(RedisClusterNode node) {
        return node.getUri().getHost() + ":" + node.getUri().getPort();
    }

    @Override
    public void shutdown(Duration timeout) {
        ClientSetup.shutdown(redis, resources, timeout);
    }
}
