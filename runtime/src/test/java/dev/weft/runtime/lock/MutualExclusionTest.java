package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.OnBusy;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Threads of two services (as two JVMs) increment a counter by a racy read-modify-write. With the lock no update is
 * lost and grants hand out ever larger fencing tokens; without it, the same code loses updates, so the test can fail.
 */
class MutualExclusionTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final int THREADS_PER_JVM = 4;
    static final int ROUNDS = 25;
    static final LockOptions OPTIONS = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(60), OnBusy.THROW,
            "MutualExclusionTest");

    final AtomicInteger counter = new AtomicInteger();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger mostInside = new AtomicInteger();
    // Synchronized only for memory visibility between threads: the Redis lock orders the appends, not the JVM.
    final List<Long> tokensInGrantOrder = Collections.synchronizedList(new ArrayList<>());

    @Test
    void noUpdateIsLostUnderTheLock() throws Exception {
        try (LockService jvmA = LockServiceTest.service(REDIS.uri()); LockService jvmB = LockServiceTest.service(REDIS.uri())) {
            runEverywhere(service -> {
                HeldLock lock = service.acquire("counter", OPTIONS);
                try {
                    tokensInGrantOrder.add(lock.token());
                    racyIncrement();
                } finally {
                    service.release(lock);
                }
            }, jvmA, jvmB);

            assertEquals(2 * THREADS_PER_JVM * ROUNDS, counter.get());
            assertEquals(1, mostInside.get());
            for (int i = 1; i < tokensInGrantOrder.size(); i++) {
                assertTrue(tokensInGrantOrder.get(i) > tokensInGrantOrder.get(i - 1), "tokens " + tokensInGrantOrder);
            }
            assertEquals(THREADS_PER_JVM * ROUNDS, jvmA.metrics().acquired());
            assertEquals(0, jvmA.metrics().heldNow() + jvmB.metrics().heldNow());
            assertEquals(0, jvmA.metrics().errors() + jvmB.metrics().errors());
        }
    }

    @Test
    void theSameCodeWithoutTheLockLosesUpdates() throws Exception {
        runEverywhere(service -> racyIncrement(), null, null);

        assertTrue(counter.get() < 2 * THREADS_PER_JVM * ROUNDS, "updates lost: none");
        assertTrue(mostInside.get() > 1);
    }

    private void racyIncrement() throws InterruptedException {
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        int read = counter.get();
        Thread.sleep(1); // widens the window between the read and the write
        counter.set(read + 1);
        inside.decrementAndGet();
    }

    interface Work {
        void run(LockService service) throws Exception;
    }

    private void runEverywhere(Work work, LockService jvmA, LockService jvmB) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_JVM);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_JVM; t++) {
            LockService service = t % 2 == 0 ? jvmA : jvmB;
            done.add(threads.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    work.run(service);
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> thread : done) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
