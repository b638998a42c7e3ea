package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import dev.weft.testkit.RedisServer;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slot moved between masters the standard way (SETSLOT IMPORTING / MIGRATING, MIGRATE key by key, SETSLOT NODE)
 * while a {@link LockWorkload} takes locks whose keys all live in that slot, back and forth a few times. Half-way
 * through a move, the source answers ASK for keys it no longer has and TRYAGAIN for a script whose keys are partly
 * moved: neither may reach the application as an error, and no stale token or overlap may reach the resource.
 */
class ClusterSlotMigrationTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(3, 0);

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final int MOVES = 4;
    private static final int GRANTS = 30;
    /** Between two keys' MIGRATE: long enough for the workload to meet the half-moved slot many times. */
    private static final long PAUSE_MILLIS = 100;

    @Test
    void locksOfAMovingSlotAreGrantedWithoutErrors() throws InterruptedException {
        RedisCluster cluster = CLUSTER.cluster();
        List<String> keys = ClusterKeys.inOneSlot(0, cluster.masters().size(), "acct", 3);
        int slot = SlotHash.getSlot(keys.get(0));
        RedisServer owner = cluster.masters().get(0);
        RedisServer other = cluster.masters().get(1);
        LockWorkload workload = new LockWorkload(cluster, TIMEOUT, LEASE, keys, keys);
        long errorsDuringMoves;
        try {
            workload.awaitMoreGrants("the workload running", GRANTS);
            long errorsBefore = workload.errors();
            StringBuilder moves = new StringBuilder();
            for (int move = 0; move < MOVES; move++) {
                long grantsBefore = workload.watchedGrants();
                int moved = cluster.migrateSlot(slot, owner, other, 1, ClusterSlotMigrationTest::pause);
                moves.append(' ').append(moved).append(" keys/").append(workload.watchedGrants() - grantsBefore)
                        .append(" grants;");
                assertTrue(moved > 0, "the slot had keys to move");
                RedisServer previous = owner;
                owner = other;
                other = previous;
                workload.awaitMoreGrants("keys granted on the slot's new master", GRANTS);
            }
            workload.close();
            errorsDuringMoves = workload.errors() - errorsBefore;
            System.out.println("ClusterSlotMigrationTest (redis.timeout " + TIMEOUT.toSeconds() + " s): slot " + slot
                    + " of keys " + keys + " moved " + MOVES + " times, keys moved / grants during each move:" + moves
                    + " " + errorsDuringMoves + " calls failed during the moves; "
                    + workload.report());
        } finally {
            workload.close();
        }
        workload.assertSafe(GRANTS);
        assertEquals(0, errorsDuringMoves, "calls failed while the slot moved: " + workload.report());
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
