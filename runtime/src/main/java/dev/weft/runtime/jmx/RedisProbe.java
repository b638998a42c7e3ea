package dev.weft.runtime.jmx;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.RedisDeployment;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.redis.RedisTopology;
import java.util.Optional;

/**
 * Asks Redis of {@code redis:} (the cluster, the Sentinels) for its topology when an operator reads it, on a
 * connection of its own made at the first read: the features' connections stay theirs, and a JVM nobody inspects
 * opens none. One answer serves the reads of the next second, as JConsole reads the attributes one by one.
 */
public final class RedisProbe implements RedisView {
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final RedisSettings settings;
    private RedisEndpoint endpoint;
    private Optional<RedisTopology> last = Optional.empty();
    private String lastFailure = "";
    private long askedAt;

    public RedisProbe(RedisSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized Optional<RedisTopology> topology() {
        if (askedAt == 0 || System.nanoTime() - askedAt > FRESH_NANOS) {
            if (endpoint == null) {
                endpoint = RedisEndpoint.of(settings);
            }
            try {
                last = Optional.of(endpoint.topology());
                lastFailure = "";
            } catch (WeftBackendException e) {
                last = Optional.empty();
                lastFailure = e.getMessage();
            }
            askedAt = System.nanoTime();
        }
        return last;
    }

    @Override
    public synchronized String describe() {
        return topology().map(RedisTopology::describe)
                .orElseGet(() -> RedisDeployment.of(settings).kind().label() + ", not reachable: "
                        + lastFailure);
    }
}
