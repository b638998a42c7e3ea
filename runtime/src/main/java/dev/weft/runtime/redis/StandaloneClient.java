package dev.weft.runtime.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One server, or the master a Sentinel group names: Lettuce asks the Sentinels for the master on every (re)connect,
 * and a master demoted by a failover drops its clients, so the connection follows the failover by itself.
 */
final class StandaloneClient implements LettuceClient {
    private final ClientResources resources;
    private final RedisClient redis;
    private final RedisURI redisUri;
    private final RedisDeployment deployment;

    StandaloneClient(RedisDeployment deployment, Duration timeout) {
        this.deployment = deployment;
        redisUri = ClientSetup.uri(deployment.uris().get(0), timeout);
        resources = ClientSetup.resources();
        redis = RedisClient.create(resources, redisUri);
        redis.setOptions(ClientSetup.configure(ClientOptions.builder(), timeout, deployment.tls(),
                ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    @Override
    public CompletableFuture<StatefulConnection<String, String>> connect() {
        return LettuceClient.againIfClosedInHandshake(() -> redis.connectAsync(StringCodec.UTF8, redisUri)
                .toCompletableFuture().thenApply(connection -> connection));
    }

    @Override
    public CompletableFuture<StatefulRedisPubSubConnection<String, String>> connectPubSub(
            List<RedisPubSubListener<String, String>> listeners) {
        return LettuceClient.againIfClosedInHandshake(() -> redis.connectPubSubAsync(StringCodec.UTF8, redisUri)
                        .toCompletableFuture())
                .thenApply(connection -> {
                    listeners.forEach(connection::addListener);
                    return connection;
                });
    }

    @Override
    public CompletableFuture<RedisTopology> topology() {
        String kind = deployment.kind().label();
        if (deployment.kind() != RedisDeployment.Kind.SENTINEL) {
            String node = redisUri.getHost() + ":" + redisUri.getPort();
            return CompletableFuture.completedFuture(new RedisTopology(kind, List.of(node), List.of(node)));
        }
        List<String> sentinels = redisUri.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort()).toList();
        return redis.connectSentinelAsync(StringCodec.UTF8, redisUri).toCompletableFuture()
                .thenCompose(sentinel -> sentinel.async().getMasterAddrByName(redisUri.getSentinelMasterId())
                        .toCompletableFuture()
                        .whenComplete((master, failure) -> sentinel.closeAsync()))
                .thenApply(master -> new RedisTopology(kind, sentinels, List.of(hostAndPort(master))));
    }

    private static String hostAndPort(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getHostString() + ":" + inet.getPort()
                : String.valueOf(address);
    }

    @Override
    public void shutdown(Duration timeout) {
        ClientSetup.shutdown(redis, resources, timeout);
    }
}
