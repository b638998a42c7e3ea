package dev.weft.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension owning one {@link RedisCluster} per test class (forming one costs seconds):
 * {@code @RegisterExtension static final RedisClusterExtension cluster = new RedisClusterExtension(3, 1);}
 * or, for classes that only run commands on it (each under a key prefix of its own), {@link #shared()}.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private static RedisCluster shared;

    private final int masters;
    private final int replicasPerMaster;
    private final String[] extraArgs;
    private final boolean isShared;
    private RedisCluster cluster;

    public RedisClusterExtension(int masters, int replicasPerMaster, String... extraArgs) {
        this.masters = masters;
        this.replicasPerMaster = replicasPerMaster;
        this.extraArgs = extraArgs;
        this.isShared = false;
    }

    private RedisClusterExtension() {
        this.masters = 3;
        this.replicasPerMaster = 1;
        this.extraArgs = new String[0];
        this.isShared = true;
    }

    /**
     * One 3-master, 3-replica cluster for every class of the test JVM that uses this, formed by the first and killed
     * when the JVM exits: for tests that neither stop nodes nor move slots.
     */
    public static RedisClusterExtension shared() {
        return new RedisClusterExtension();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isShared) {
            synchronized (RedisClusterExtension.class) {
                if (shared == null) {
                    shared = RedisCluster.start(masters, replicasPerMaster, extraArgs);
                }
                cluster = shared;
            }
        } else {
            cluster = RedisCluster.start(masters, replicasPerMaster, extraArgs);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null && !isShared) {
            cluster.close();
        }
    }

    public RedisCluster cluster() {
        return cluster;
    }
}
