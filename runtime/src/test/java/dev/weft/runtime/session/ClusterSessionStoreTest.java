package dev.weft.runtime.session;

import dev.weft.runtime.redis.RedisDeployment;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SessionStoreContract} on a 3-master Redis Cluster, which refuses a script given keys of two slots. */
class ClusterSessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Override
    SessionStore open() {
        RedisDeployment cluster = new RedisDeployment(RedisDeployment.Kind.CLUSTER, CLUSTER.cluster().seedUris(),
                Optional.empty());
        return new SessionStore(new RedisEndpoint(cluster, RedisCluster.CLIENT_TIMEOUT), "test-" + System.nanoTime()
                + ":");
    }
}
