package dev.weft.runtime.txsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.LockUnavailableException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.lock.HeldLock;
import dev.weft.runtime.lock.LockOptions;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A real Spring transaction (TransactionTemplate over H2) and a real Redis: the lock outlives its method until the end. */
class SpringSynchronizationsTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final LockOptions NO_WAIT = new LockOptions(Duration.ofSeconds(60), Duration.ZERO, OnBusy.THROW,
            "SpringSynchronizationsTest");

    static RawRedis raw;
    final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(h2()));
    LockService jvmA;
    LockService jvmB;
    String key;

    @BeforeAll
    static void connectRaw() {
        raw = new RawRedis(REDIS.uri());
    }

    @AfterAll
    static void closeRaw() {
        raw.close();
    }

    @BeforeEach
    void start(TestInfo test) {
        jvmA = service(REDIS.uri());
        jvmA.waitFor(new SpringSynchronizations());
        jvmB = service(REDIS.uri());
        key = "spring:" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() {
        jvmA.close();
        jvmB.close();
    }

    @Test
    void theLockIsReleasedOnlyAfterTheCommit() {
        transactions.executeWithoutResult(status -> {
            lockedMethod(jvmA);
            assertNotNull(owner(), "released inside the transaction");
            assertThrows(LockUnavailableException.class, () -> jvmB.acquire(key, NO_WAIT));
        });

        assertNull(owner());
        jvmB.release(jvmB.acquire(key, NO_WAIT));
    }

    @Test
    void theLockIsReleasedAfterARollback() {
        assertThrows(IllegalStateException.class, () -> transactions.executeWithoutResult(status -> {
            lockedMethod(jvmA);
            throw new IllegalStateException("the service failed after the locked call");
        }));

        assertNull(owner());
    }

    @Test
    void nestedPropagationWaitsForTheOutermostTransaction() {
        transactions.executeWithoutResult(outer -> {
            transactions.executeWithoutResult(inner -> lockedMethod(jvmA));
            assertNotNull(owner(), "released when the inner, joined scope ended");
        });

        assertNull(owner());
    }

    @Test
    void withoutATransactionTheLockIsReleasedAtTheMethodsExit() {
        lockedMethod(jvmA);

        assertNull(owner());
    }

    @Test
    void theControlWithoutSpringSupportReleasesInsideTheTransaction() {
        LockService unaware = service(REDIS.uri());
        try {
            transactions.executeWithoutResult(status -> {
                lockedMethod(unaware);
                unaware.awaitReleases();
                assertNull(owner(), "the defect: the next holder could read the uncommitted row's old value");
            });
        } finally {
            unaware.close();
        }
        assertEquals(0, jvmA.metrics().heldNow());
    }

    /** What the advice woven into a locked method does around its body. */
    private void lockedMethod(LockService locks) {
        HeldLock held = locks.acquire(key, NO_WAIT);
        locks.release(held, SpringSynchronizationsTest.class);
    }

    private String owner() {
        jvmA.awaitReleases();
        jvmB.awaitReleases();
        return raw.owner("weft:lock:{" + key + "}");
    }

    static LockService service(String uri) {
        return new LockService(new RedisSettings(uri, List.of(), Duration.ofSeconds(5), "weft:"));
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:spring-sync;DB_CLOSE_DELAY=-1");
        return h2;
    }
}
