package dev.weft.it.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.counter.CounterApp;
import dev.weft.it.CounterRace;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 9: a woven lock on Redis Cluster ({@code redis.cluster}, 3 masters with a replica each) keeps mutual exclusion
 * across every thread of every JVM, as on one server.
 */
class ClusterLockExclusionTest {
    private static final int JVMS = 3;
    private static final int TOTAL = CounterRace.total(JVMS);

    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension(3, 1);

    @TempDir
    Path dir;

    @Test
    void lockedIncrementsAcrossJvmsOnAClusterAreNeverLost() {
        assertEquals(TOTAL, race(woven()));
    }

    /** The control: the same race, unlocked, loses updates; otherwise the locked run would prove nothing. */
    @Test
    void withoutTheAgentTheSameRaceLosesUpdates() {
        int value = race(UnaryOperator.identity());
        assertTrue(value < TOTAL, "the control must lose updates: " + value);
    }

    private int race(UnaryOperator<JavaProcess.Builder> how) {
        return CounterRace.run(dir, JVMS, args -> how.apply(Jvm.plain(CounterApp.class, args)), new ArrayList<>());
    }

    /** The agent with a lock on {@code increment}, Redis given as the cluster's seed nodes. */
    private UnaryOperator<JavaProcess.Builder> woven() {
        Path config = WeftYaml.write(dir, """
                redis:
                  cluster: [%s]
                  timeout: 5s
                locks:
                  - method: com.acme.counter.CounterApp#increment(..)
                    key: "counter:{0}"
                    lease: 10s
                    wait: 20s
                    onBusy: throw
                """.formatted(String.join(", ", cluster.cluster().seedUris())));
        return jvm -> jvm.agent(Jvm.agentJar(), "config=" + config);
    }
}
