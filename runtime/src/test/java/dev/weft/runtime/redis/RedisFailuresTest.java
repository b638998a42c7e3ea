package dev.weft.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.cluster.PartitionSelectorException;
import io.lettuce.core.cluster.models.partitions.Partitions;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What a failed Redis call tells the application, for the failures no live server is needed to provoke. */
class RedisFailuresTest {
    @Test
    void aHandshakeThatTimedOutSaysRedisDidNotAnswerNotThatItIsDown() {
        WeftBackendException failure = RedisFailures.backendException("redis://10.0.0.1:6379", Duration.ofSeconds(1),
                "lock \"sku:1\"", new CompletionException(new RedisCommandTimeoutException(
                        "Connection initialization timed out after 1 second(s)")));

        assertTrue(failure.getMessage().startsWith("Redis at redis://10.0.0.1:6379 did not answer within 1s to lock"),
                failure.getMessage());
        assertTrue(RedisFailures.isTimeout(failure.getCause()));
    }

    @Test
    void aSlotWithoutAMasterSaysAFailoverIsUnderWayNotThatWeftIsBroken() {
        WeftBackendException failure = RedisFailures.backendException("cluster 10.0.0.1:7000", Duration.ofSeconds(2),
                "lock \"sku:1\"", new CompletionException(new PartitionSelectorException(
                        "Cannot determine a partition for slot 2512.", new Partitions())));

        assertTrue(failure.getMessage().contains("has no master for the slot of the key needed to lock \"sku:1\""),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("slot 2512"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Weft bug"), failure.getMessage());
    }
}
