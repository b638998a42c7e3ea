package dev.weft.runtime.notification;

import dev.weft.runtime.redis.RedisDeployment;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NotificationStoreContract} on a 3-master Redis Cluster, which refuses a script given keys of two slots. */
class ClusterNotificationStoreTest extends NotificationStoreContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Override
    NotificationStore open() {
        RedisDeployment cluster = new RedisDeployment(RedisDeployment.Kind.CLUSTER, CLUSTER.cluster().seedUris(),
                Optional.empty());
        return new RedisNotificationStore(new RedisEndpoint(cluster, RedisCluster.CLIENT_TIMEOUT),
                "test-" + System.nanoTime() + ":");
    }
}
