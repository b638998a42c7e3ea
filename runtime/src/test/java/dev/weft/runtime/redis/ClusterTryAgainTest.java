package dev.weft.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.testkit.RedisCluster;
import dev.weft.testkit.RedisClusterExtension;
import dev.weft.testkit.RedisServer;
import dev.weft.testkit.Resp;
import dev.weft.testkit.SlotMove;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A script whose two keys a slot migration has split between two masters: Redis refuses it with TRYAGAIN (counted in
 * the masters' INFO errorstats), and {@link RedisEndpoint} sends it again until the move ends or its deadline passes.
 */
class ClusterTryAgainTest {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(3, 0);
    /**
     * The fixture's: a new cluster client's first call reads the slot map and connects, which on a loaded machine has
     * taken seconds. The second test waits all of it for its TRYAGAIN.
     */
    private static final Duration TIMEOUT = RedisCluster.CLIENT_TIMEOUT;
    private static final String JOIN = "return redis.call('get', KEYS[1]) .. redis.call('get', KEYS[2])";
    private static final Pattern TRYAGAIN_COUNT = Pattern.compile("errorstat_TRYAGAIN:count=(\\d+)");

    @Test
    void aScriptOnKeysSplitByASlotMoveRunsOnceTheMoveEnds() throws Exception {
        String[] keys = {"{moving}a", "{moving}b"};
        try (RedisEndpoint endpoint = endpoint()) {
            SlotMove move = splitByAMove(endpoint, keys);
            long refusedBefore = tryAgainReplies();

            CompletableFuture<String> joined = endpoint.send(redis -> redis.eval(JOIN, ScriptOutputType.VALUE, keys));
            // The control: Redis did refuse it (Redis 6.2: the source answers ASK, the target TRYAGAIN after ASKING;
            // Redis 7: the source answers TRYAGAIN).
            Eventually.await("Weft's script refused with TRYAGAIN", TIMEOUT, () -> tryAgainReplies() > refusedBefore);
            finish(move);

            assertEquals("12", joined.get());
        }
    }

    @Test
    void aScriptOnKeysStillSplitAtItsDeadlineFailsWithTryAgain() {
        String[] keys = {"{stuck}a", "{stuck}b"};
        try (RedisEndpoint endpoint = endpoint()) {
            SlotMove move = splitByAMove(endpoint, keys);
            try {
                WeftBackendException e = assertThrows(WeftBackendException.class,
                        () -> endpoint.call("join", redis -> redis.eval(JOIN, ScriptOutputType.VALUE, keys)));

                assertTrue(e.getMessage().contains("refused to join (TRYAGAIN "), e.getMessage());
            } finally {
                finish(move);
            }
        }
    }

    private static RedisEndpoint endpoint() {
        return RedisEndpoint.of(new RedisSettings(RedisSettings.DEFAULT_URI, List.of(), TIMEOUT, "weft:",
                CLUSTER.cluster().seedUris(), Optional.empty()));
    }

    /** Writes "1" and "2" under {@code keys} (one slot), then moves the first of them to another master. */
    private static SlotMove splitByAMove(RedisEndpoint endpoint, String[] keys) {
        endpoint.call("write", redis -> redis.mset(Map.of(keys[0], "1", keys[1], "2")));
        RedisServer owner = owner(keys[0]);
        RedisServer other = CLUSTER.cluster().masters().stream().filter(node -> node != owner).findFirst().orElseThrow();
        SlotMove move = CLUSTER.cluster().beginSlotMove(SlotHash.getSlot(keys[0]), owner, other);
        assertEquals(List.of(keys[0]), move.moveKeys(1));
        return move;
    }

    private static void finish(SlotMove move) {
        while (!move.moveKeys(100).isEmpty()) {
            // until the source has none left
        }
        move.finish();
    }

    /** The master that serves {@code key}'s slot in the fixture's even split. */
    private static RedisServer owner(String key) {
        List<RedisServer> masters = CLUSTER.cluster().masters();
        int slot = SlotHash.getSlot(key);
        return masters.stream().filter(master -> {
            int index = masters.indexOf(master);
            return slot >= RedisCluster.SLOTS * index / masters.size()
                    && slot < RedisCluster.SLOTS * (index + 1) / masters.size();
        }).findFirst().orElseThrow();
    }

    /** TRYAGAIN replies the masters have sent (INFO errorstats). */
    private static long tryAgainReplies() {
        long count = 0;
        for (RedisServer master : CLUSTER.cluster().masters()) {
            Matcher matcher = TRYAGAIN_COUNT.matcher(Resp.text(master.port(), "INFO", "errorstats"));
            if (matcher.find()) {
                count += Long.parseLong(matcher.group(1));
            }
        }
        return count;
    }
}
