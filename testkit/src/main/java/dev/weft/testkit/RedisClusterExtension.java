package dev.weft.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension owning one {@link RedisCluster} per test class (forming one costs seconds):
 * {@code @RegisterExtension static final RedisClusterExtension cluster = new RedisClusterExtension(3, 1);}
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private final int masters;
    private final int replicasPerMaster;
    private final String[] extraArgs;
    private RedisCluster cluster;

    public RedisClusterExtension(int masters, int replicasPerMaster, String... extraArgs) {
        this.masters = masters;
        this.replicasPerMaster = replicasPerMaster;
        this.extraArgs = extraArgs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = RedisCluster.start(masters, replicasPerMaster, extraArgs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    public RedisCluster cluster() {
        return cluster;
    }
}
