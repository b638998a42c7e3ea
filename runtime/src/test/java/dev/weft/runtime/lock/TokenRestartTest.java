package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A Redis restarted without its data: the lock's record is gone, and its tokens still go on increasing. */
class TokenRestartTest {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ZERO, OnBusy.THROW,
            "TokenRestartTest");

    @Test
    void tokensStillIncreaseAfterARestartThatLostTheRecord() {
        try (RedisServer server = RedisServer.start(); LockService locks = LockServiceTest.service(server.uri())) {
            long before = 0;
            for (int i = 0; i < 50; i++) {
                HeldLock lock = locks.acquire("restarted", OPTIONS);
                assertTrue(lock.token() > before);
                before = lock.token();
                locks.release(lock);
            }

            server.restart();
            try (RawRedis raw = new RawRedis(server.uri())) {
                // The control: the record is really gone, so only the clock can carry the tokens on.
                assertNull(raw.call(redis -> redis.hget(LockServiceTest.lockKey("restarted"), "t")));
            }
            HeldLock after = RedisOutageTest.acquireOnceReconnected(locks, "restarted", OPTIONS);
            assertTrue(after.token() > before, after.token() + " after " + before);
            locks.release(after);
        }
    }
}
