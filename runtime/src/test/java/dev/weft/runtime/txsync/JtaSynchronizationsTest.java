package dev.weft.runtime.txsync;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.LockUnavailableException;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.lock.HeldLock;
import dev.weft.runtime.lock.LockOptions;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import dev.weft.testkit.RedisExtension;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real JTA transaction manager (Narayana, jakarta.transaction) found with no configuration, and a real Redis. */
class JtaSynchronizationsTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final LockOptions NO_WAIT = new LockOptions(Duration.ofSeconds(60), Duration.ZERO, OnBusy.THROW,
            "JtaSynchronizationsTest");

    @TempDir
    static Path objectStore;
    static RawRedis raw;
    static TransactionManager jta;
    LockService jvmA;
    LockService jvmB;
    String key;

    @BeforeAll
    static void start() {
        // Narayana keeps its log where these say, not in the build's working directory
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", objectStore.toString());
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", objectStore.toString());
        raw = new RawRedis(REDIS.uri());
        jta = com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    @AfterAll
    static void closeRaw() {
        raw.close();
    }

    @BeforeEach
    void services(TestInfo test) {
        jvmA = SpringSynchronizationsTest.service(REDIS.uri());
        jvmA.waitFor(new JtaSynchronizations());
        jvmB = SpringSynchronizationsTest.service(REDIS.uri());
        key = "jta:" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() {
        jvmA.close();
        jvmB.close();
    }

    @Test
    void theLockIsReleasedOnlyAfterTheCommit() throws Exception {
        jta.begin();
        lockedMethod(jvmA);
        assertNotNull(owner(), "released inside the transaction");
        assertThrows(LockUnavailableException.class, () -> jvmB.acquire(key, NO_WAIT));

        jta.commit();

        assertNull(owner());
        jvmB.release(jvmB.acquire(key, NO_WAIT));
    }

    @Test
    void theLockIsReleasedAfterARollback() throws Exception {
        jta.begin();
        lockedMethod(jvmA);
        assertNotNull(owner());

        jta.rollback();

        assertNull(owner());
    }

    @Test
    void aTransactionTheReaperRollsBackReleasesTheLockFromTheReapersThread() throws Exception {
        jta.setTransactionTimeout(1);
        try {
            jta.begin();
            lockedMethod(jvmA);
            assertNotNull(owner());

            Eventually.await("the timed-out transaction's release", Duration.ofSeconds(30), () -> owner() == null);
        } finally {
            jta.setTransactionTimeout(0);
            if (jta.getTransaction() != null) {
                jta.rollback();
            }
        }
    }

    @Test
    void aTransactionMarkedForRollbackIsNotWaitedFor() throws Exception {
        jta.begin();
        jta.setRollbackOnly();
        lockedMethod(jvmA);

        assertNull(owner(), "nothing of it will ever be committed");
        jta.rollback();
    }

    @Test
    void theControlWithoutJtaSupportReleasesInsideTheTransaction() throws Exception {
        LockService unaware = SpringSynchronizationsTest.service(REDIS.uri());
        try {
            jta.begin();
            lockedMethod(unaware);
            unaware.awaitReleases();
            assertNull(owner(), "the defect: the next holder could read the uncommitted row's old value");
            jta.commit();
        } finally {
            unaware.close();
        }
    }

    private void lockedMethod(LockService locks) {
        HeldLock held = locks.acquire(key, NO_WAIT);
        locks.release(held, JtaSynchronizationsTest.class);
    }

    private String owner() {
        jvmA.awaitReleases();
        jvmB.awaitReleases();
        return raw.owner("weft:lock:{" + key + "}");
    }
}
