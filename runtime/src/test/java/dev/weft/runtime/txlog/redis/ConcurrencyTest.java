package dev.weft.runtime.txlog.redis;

import static dev.weft.runtime.txlog.redis.TestLogs.DEBIT;
import static dev.weft.runtime.txlog.redis.TestLogs.GENEROUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.redis.RawRedis;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.testkit.RedisExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two instances of the log, each used by many threads, against one Redis: the compare-and-sets hold. */
class ConcurrencyTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    static final int THREADS = 8;

    static RedisTransactionLog a;
    static RedisTransactionLog b;
    static ExecutorService pool;

    @BeforeAll
    static void open() {
        a = TestLogs.open(REDIS.uri());
        b = TestLogs.open(REDIS.uri());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
        a.close();
        b.close();
    }

    /** Half the threads of either instance commit, half roll back: one decision wins, and every caller reads it. */
    @Test
    void exactlyOneDecisionWinsAndEveryoneReadsIt() throws Exception {
        Set<Phase> winners = new HashSet<>();
        for (int round = 0; round < 50; round++) {
            String xid = TestLogs.begin(a);
            List<Optional<Phase>> seen = race(
                    thread -> log(thread).decide(xid, thread % 4 < 2, List.of()).map(LoggedTransaction::phase));
            Phase stored = a.load(xid).orElseThrow().phase();
            assertTrue(stored != Phase.TRYING);
            for (Optional<Phase> phase : seen) {
                assertEquals(Optional.of(stored), phase, "round " + round + ": " + seen);
            }
            winners.add(stored);
        }
        System.out.println("decisions that won over 50 rounds: " + winners);
    }

    /**
     * The control: the same decision made as a read, then a write, from two clients. Interleaved this way (which
     * nothing prevents), both believe they decided, and the root would tell its caller "committed" about a
     * transaction that is rolled back. The script is what makes the read and the write one step.
     */
    @Test
    void aDecisionMadeAsReadThenWriteLetsBothSidesWin() {
        String xid = TestLogs.begin(a);
        String key = new TxKeys("weft:").transaction(xid);
        try (RawRedis root = new RawRedis(REDIS.uri()); RawRedis recovery = new RawRedis(REDIS.uri())) {
            boolean rootWins = "TRYING".equals(root.call(r -> r.hget(key, "phase")));
            boolean recoveryWins = "TRYING".equals(recovery.call(r -> r.hget(key, "phase")));
            root.call(r -> r.hset(key, "phase", "COMMITTING"));
            recovery.call(r -> r.hset(key, "phase", "ROLLING_BACK"));

            assertTrue(rootWins && recoveryWins, "both believe they decided");
            assertEquals(Phase.ROLLING_BACK, a.load(xid).orElseThrow().phase(), "the root's commit is lost");
        }
        String scripted = TestLogs.begin(a);
        assertEquals(Optional.of(Phase.COMMITTING), a.decide(scripted, true, List.of()).map(LoggedTransaction::phase));
        assertEquals(Optional.of(Phase.COMMITTING), b.decide(scripted, false, List.of()).map(LoggedTransaction::phase),
                "the second one reads the first");
    }

    @Test
    void branchIdsAreUniqueAndDenseUnderConcurrentRegistrationFromTwoInstances() throws Exception {
        String xid = TestLogs.begin(a);
        int perThread = 25;
        List<List<Integer>> ids = race(thread -> IntStream.range(0, perThread)
                .mapToObj(i -> log(thread).register(xid, DEBIT, "[" + thread + "," + i + "]", Carried.NONE)).toList());

        Set<Integer> all = new HashSet<>();
        ids.forEach(all::addAll);
        assertEquals(THREADS * perThread, all.size(), "no id handed out twice");
        assertEquals(IntStream.range(0, THREADS * perThread).boxed().toList(), new ArrayList<>(new TreeSet<>(all)));
        assertEquals(THREADS * perThread, a.load(xid).orElseThrow().branches().size());
    }

    /** Every due transaction is handed out once per claim period, however many threads of two instances ask. */
    @Test
    void aDueTransactionIsClaimedByOneCallerOnly() throws Exception {
        long now = System.currentTimeMillis();
        Set<String> due = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String xid = TestLogs.xid();
            a.begin(new LogRecord.Begin(xid, now - 2000, now - 1000, "past its deadline"));
            due.add(xid);
        }
        Map<String, Integer> claims = new ConcurrentHashMap<>();
        long giveUp = System.nanoTime() + GENEROUS.toNanos();
        // A small limit: most calls claim more than they may return, and give the rest back for others to claim.
        race(thread -> {
            while (!claims.keySet().containsAll(due) && System.nanoTime() < giveUp) {
                log(thread).claimDue(System.currentTimeMillis(), TimeUnit.HOURS.toMillis(1), 7)
                        .forEach(xid -> claims.merge(xid, 1, Integer::sum));
            }
            return null;
        });

        assertTrue(claims.keySet().containsAll(due), "every due transaction was claimed");
        claims.forEach((xid, times) -> assertEquals(1, times, xid + " was handed out " + times + " times"));
    }

    @Test
    void aClaimedTransactionIsDueAgainWhenTheClaimRunsOut() {
        String xid = TestLogs.xid();
        a.begin(new LogRecord.Begin(xid, 0, 1000, "o"));

        assertTrue(a.claimDue(5000, 1000, Integer.MAX_VALUE).contains(xid));
        assertFalse(b.claimDue(5999, 1000, Integer.MAX_VALUE).contains(xid), "claimed until 6000");
        assertTrue(b.claimDue(6000, 1000, Integer.MAX_VALUE).contains(xid));
        assertEquals(7000, a.load(xid).orElseThrow().dueAt());
    }

    private static RedisTransactionLog log(int thread) {
        return thread % 2 == 0 ? a : b;
    }

    /** Runs {@code work} on every thread at once (released together by a latch) and returns what each returned. */
    private static <T> List<T> race(IntFunction<T> work) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int t = thread;
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return work.apply(t);
            }));
        }
        ready.await();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(GENEROUS.toMillis(), TimeUnit.MILLISECONDS));
        }
        return results;
    }
}
