package dev.weft.runtime.messaging;

import dev.weft.runtime.redis.RedisDeployment;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streams and prepared messages on a 3-master Redis Cluster, a stream on every master: the cluster refuses a script
 * whose keys are in two slots (CROSSSLOT), so a prepared message's keys and its stream must share a hash tag.
 */
class ClusterMessagingTest extends MessagingOnDeploymentContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = RedisClusterExtension.shared();

    @Override
    RedisEndpoint newEndpoint() {
        return new RedisEndpoint(new RedisDeployment(RedisDeployment.Kind.CLUSTER, CLUSTER.cluster().seedUris(),
                Optional.empty()), RedisCluster.CLIENT_TIMEOUT);
    }
}
