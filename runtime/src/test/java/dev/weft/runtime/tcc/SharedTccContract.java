package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.context.HandOffs;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.testkit.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC 4 "TCC transactions" across services (docs/distributed-tcc.md): a root service and instances of a warehouse
 * service, each its own {@link Transactions} with its own lock client, log client and wake-ups; the owner lock is the
 * real Redis lock. "HTTP" is a thread that serves a request with the root's headers. Run on each shared log.
 */
abstract class SharedTccContract {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    final CapturedLog weftLog = new CapturedLog();
    private static final AtomicInteger TESTS = new AtomicInteger();

    /** Each test on keys of its own, so that one test's leftovers never reach the next one's recovery. */
    final String keyPrefix = "weft-" + TESTS.incrementAndGet() + ":";
    final List<AutoCloseable> closing = new ArrayList<>();
    /** The test's own view of the log. */
    TransactionLog log;
    final ExecutorService http = Executors.newCachedThreadPool();
    Harness root;
    WarehouseService warehouse;

    /** A log client of one instance (of the root or of the warehouse service), or the test's own. */
    abstract TransactionLog newLog();

    abstract Wakeups wakeups(TransactionLog log);

    @BeforeEach
    void open() {
        log = newLog();
        closing.add(log);
        Accounts.reset();
        Warehouse.pause = () -> {
        };
        root = root(Duration.ofSeconds(30));
        warehouse = warehouse();
    }

    @AfterEach
    void close() throws Exception {
        http.shutdownNow();
        Collections.reverse(closing); // the services before the clients they use
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    Harness root(Duration timeout) {
        TransactionLog own = newLog();
        Harness harness = Harness.shared(own, wakeups(own), locks(), timeout, TccTest.FAST);
        closing.add(harness);
        return harness;
    }

    WarehouseService warehouse() {
        TransactionLog own = newLog();
        WarehouseService service = new WarehouseService(own, wakeups(own), locks(), TccTest.FAST);
        closing.add(service);
        return service;
    }

    private LockService locks() {
        LockService locks = new LockService(redisSettings());
        closing.add(locks);
        return locks;
    }

    RedisSettings redisSettings() {
        return new RedisSettings(REDIS.uri(), List.of(), Duration.ofSeconds(2), keyPrefix);
    }

    /** The root's "HTTP call" to {@code service}: headers out, served on another thread, waited for. */
    void callWarehouse(WarehouseService service, String sku, int count) throws Exception {
        Map<String, String> headers = root.transactions.propagation().outgoingHeaders();
        http.submit(() -> service.serve(headers, () -> {
            service.reserve(sku, count);
            return null;
        })).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCommitConfirmsTheRootsBranchesAtOnceAndTheRemoteOneAfterAWakeUp() throws Exception {
        String result = root.transfer(() -> {
            root.debit("a", 5);
            callWarehouse(warehouse, "sku", 1);
            root.credit("b", 5);
            return "done";
        });
        assertEquals("done", result);
        Eventually.until("the warehouse confirmed", () -> Accounts.JOURNAL.contains("confirmReserve sku 1"));
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        // Usually the root confirms its own at once and wakes the warehouse; if a scan of the due queue took the owner
        // lock first, the order is the other way round
        assertEquals(Set.of("debit a 5", "reserve sku 1", "credit b 5", "confirmDebit a 5", "confirmCredit b 5",
                "confirmReserve sku 1"), Set.copyOf(Accounts.JOURNAL));
        assertEquals(6, Accounts.JOURNAL.size());
        assertTrue(Accounts.JOURNAL.indexOf("confirmDebit a 5") < Accounts.JOURNAL.indexOf("confirmCredit b 5"));
        assertEquals(1, root.mbean.getCommitted());
    }

    /** Hand-offs inside the root's JVM (docs/distributed-tcc.md): tries and an HTTP call on the root's pool threads. */
    @Test
    void triesAndCallsHandedOffToOtherThreadsBelongToTheRootsTransaction() throws Exception {
        int credits = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HandOffs handOffs = new HandOffs(root.transactions.handOffs());
        try {
            root.transfer(() -> {
                List<Callable<Object>> tasks = new ArrayList<>();
                tasks.add(() -> {
                    callWarehouse(warehouse, "sku", 1);
                    return null;
                });
                for (int i = 0; i < credits; i++) {
                    String account = "b" + i;
                    tasks.add(() -> {
                        root.credit(account, 1);
                        return null;
                    });
                }
                @SuppressWarnings("unchecked")
                Collection<Callable<Object>> carried = (Collection<Callable<Object>>) handOffs.handOff(tasks,
                        Collection.class);
                for (Future<Object> task : pool.invokeAll(carried)) {
                    task.get();
                }
                return null;
            });
        } finally {
            pool.shutdownNow();
        }
        Eventually.until("the warehouse confirmed", () -> Accounts.JOURNAL.contains("confirmReserve sku 1"));
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        for (int i = 0; i < credits; i++) {
            assertTrue(Accounts.JOURNAL.contains("confirmCredit b" + i + " 1"), Accounts.JOURNAL.toString());
        }
        assertEquals(2 * (credits + 1), Accounts.JOURNAL.size(), Accounts.JOURNAL.toString());
        assertEquals(1, root.mbean.getCommitted());
    }

    @Test
    void aGlobalMethodThatCallsNobodyWritesNothing() throws Exception {
        root.transfer(() -> "nothing");
        assertEquals(List.of(), log.open(10));
    }

    @Test
    void aRollbackCancelsReturnedAndStillTryingBranchesEverywhere() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Warehouse.pause = () -> {
            registered.countDown();
            await(release);
        };
        Map<String, String>[] headers = new Map[1];
        Future<?>[] call = new Future[1];
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> root.transfer(() -> {
            root.debit("a", 5);
            headers[0] = root.transactions.propagation().outgoingHeaders();
            call[0] = http.submit(() -> warehouse.serve(headers[0], () -> {
                warehouse.reserve("sku", 1);
                return null;
            }));
            await(registered); // the remote try is registered and runs: TRYING in the log
            throw new IllegalStateException("business rule");
        }));
        assertEquals("business rule", thrown.getMessage());
        Eventually.until("the warehouse cancelled", () -> Accounts.JOURNAL.contains("cancelReserve sku 1"));
        Warehouse.pause = () -> {
        };
        release.countDown();
        Exception late = assertThrows(Exception.class, () -> call[0].get(10, TimeUnit.SECONDS));
        assertTrue(late.getCause() instanceof WeftBackendException, String.valueOf(late.getCause()));
        assertTrue(late.getCause().getMessage().contains("returned after the transaction was decided, so it will be"
                + " cancelled"), late.getCause().getMessage());
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        Eventually.until("the root cancelled", () -> Accounts.JOURNAL.contains("cancelDebit a 5"));
        assertEquals(Set.of("debit a 5", "cancelDebit a 5", "cancelReserve sku 1", "reserve sku 1"),
                Set.copyOf(Accounts.JOURNAL));
        assertEquals(1, root.mbean.getRolledBack());
    }

    @Test
    void aTryThatReturnsAfterACommitIsCancelledNotConfirmed() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Warehouse.pause = () -> {
            registered.countDown();
            await(release);
        };
        Future<?>[] call = new Future[1];
        root.transfer(() -> {
            root.debit("a", 5);
            Map<String, String> headers = root.transactions.propagation().outgoingHeaders();
            call[0] = http.submit(() -> warehouse.serve(headers, () -> {
                warehouse.reserve("sku", 1);
                return null;
            }));
            await(registered); // the HTTP client gave up waiting, say: the root commits meanwhile
            return null;
        });
        Eventually.until("the warehouse cancelled", () -> Accounts.JOURNAL.contains("cancelReserve sku 1"));
        Warehouse.pause = () -> {
        };
        release.countDown();
        assertThrows(Exception.class, () -> call[0].get(10, TimeUnit.SECONDS));
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        Eventually.until("the root confirmed", () -> Accounts.JOURNAL.contains("confirmDebit a 5"));
        assertEquals(Set.of("debit a 5", "confirmDebit a 5", "cancelReserve sku 1", "reserve sku 1"),
                Set.copyOf(Accounts.JOURNAL));
    }

    @Test
    void aRequestPastTheRootsDeadlineIsRefusedWithoutRegistering() throws Exception {
        Map<String, String> headers = Map.of(TransactionPropagation.XID_HEADER, "some-xid",
                SharedPropagation.DEADLINE_HEADER, Long.toString(System.currentTimeMillis() - 1));
        TransactionTimeoutException thrown = assertThrows(TransactionTimeoutException.class,
                () -> warehouse.serve(headers, () -> {
                    warehouse.reserve("sku", 1);
                    return null;
                }));
        assertTrue(thrown.getMessage().contains("is past its deadline"), thrown.getMessage());
        assertEquals(List.of(), Accounts.JOURNAL);
        assertEquals(List.of(), log.open(10));
    }

    @Test
    void aRequestNamingATransactionTheLogDoesNotHaveRunsNoTry() {
        Map<String, String> headers = Map.of(TransactionPropagation.XID_HEADER, "ended-long-ago");
        WeftBackendException thrown = assertThrows(WeftBackendException.class, () -> warehouse.serve(headers, () -> {
            warehouse.reserve("sku", 1);
            return null;
        }));
        assertTrue(thrown.getMessage().contains("is not in the shared transaction log"), thrown.getMessage());
        assertEquals(List.of(), Accounts.JOURNAL);
    }

    @Test
    void aRequestWithoutTheHeadersRunsTheTryOutsideAnyTransaction() throws Exception {
        warehouse.serve(Map.of(), () -> {
            warehouse.reserve("sku", 1);
            return null;
        });
        assertEquals(List.of("reserve sku 1"), Accounts.JOURNAL);
        assertEquals(List.of(), log.open(10));
    }

    @Test
    void aRollbackPastTheDeadlineByAnotherInstanceWinsOverTheRootsLateCommit() throws Exception {
        TransactionTimeoutException thrown = assertThrows(TransactionTimeoutException.class, () -> root.transfer(() -> {
            root.debit("a", 5);
            callWarehouse(warehouse, "sku", 1);
            String xid = log.open(10).get(0).xid();
            // another instance whose clock says the deadline passed rolls it back first
            assertEquals(Phase.ROLLING_BACK, log.decide(xid, false, List.of()).orElseThrow().phase());
            return "would commit";
        }));
        assertTrue(thrown.getMessage().contains("was NOT committed: it was rolled back by recovery"),
                thrown.getMessage());
        Eventually.until("the warehouse cancelled", () -> Accounts.JOURNAL.contains("cancelReserve sku 1"));
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        assertFalse(Accounts.JOURNAL.stream().anyMatch(line -> line.startsWith("confirm")),
                Accounts.JOURNAL.toString());
        assertTrue(Accounts.JOURNAL.contains("cancelDebit a 5"), Accounts.JOURNAL.toString());
    }

    @Test
    void recoveryRollsBackATransactionWhoseRootHangsPastItsDeadlineAndRefusesLaterTries() throws Exception {
        Harness slow = root(Duration.ofMillis(300));
        root = slow;
        TransactionTimeoutException thrown = assertThrows(TransactionTimeoutException.class, () -> slow.transfer(() -> {
            callWarehouse(warehouse, "sku", 1);
            Eventually.until("the warehouse cancelled", () -> Accounts.JOURNAL.contains("cancelReserve sku 1"));
            slow.debit("a", 5); // refused: the log is ROLLING_BACK
            return null;
        }));
        assertTrue(thrown.getMessage().contains("past its"), thrown.getMessage());
        assertFalse(Accounts.JOURNAL.contains("debit a 5"), Accounts.JOURNAL.toString());
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
    }

    /**
     * Recovery in the root's own process leaves a global method still running past its deadline to decide when it
     * returns, with a shared log as with the file log: its branches are cancelled after its tries, never while one
     * runs (a cancel that overtakes its try undoes nothing, and the try's work stays). The try here waits up to 4 s
     * for a cancel of itself, past its 1 s deadline and several of the recovery's claim rounds; before the fix one came, and then the try's
     * work was written after its cancel. Only the root runs: another instance cannot tell a slow root from a hung one
     * (the test above).
     */
    @Test
    void recoveryInTheRootsOwnProcessCancelsARootRunningPastItsDeadlineOnlyAfterItsTry() throws Exception {
        warehouse.close(); // other instances roll the transaction back at its deadline, as they should
        root.close();
        Harness slow = root(Duration.ofSeconds(1));
        root = slow;
        slow.mbean.getRecovering(); // reads the log: connected, so that the try below starts well before the deadline
        Accounts.duringCredit = () -> cancelled("cancelCredit b 5", Duration.ofSeconds(4));
        TransactionTimeoutException thrown = assertThrows(TransactionTimeoutException.class,
                () -> slow.transfer(() -> {
                    slow.credit("b", 5);
                    return null;
                }));
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        assertEquals(List.of("credit b 5", "cancelCredit b 5"), Accounts.JOURNAL, thrown.toString());
    }

    /** Whether {@code cancel} is in the journal within {@code within}: waits for what must not come. */
    private static boolean cancelled(String cancel, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        while (!Accounts.JOURNAL.contains(cancel)) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Test
    void twoInstancesWokenAtOnceConfirmOnce() throws Exception {
        warehouse(); // a second instance of the warehouse service, woken by the same message
        root.transfer(() -> {
            callWarehouse(warehouse, "sku", 1);
            Warehouse.pause = () -> sleep(300); // the confirm is slow: both instances try while it runs
            return null;
        });
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());
        sleep(1500); // a second confirm would come from the other instance's wake-up or a scan of the due queue
        assertEquals(1, Accounts.JOURNAL.stream().filter(line -> line.startsWith("confirmReserve")).count(),
                Accounts.JOURNAL.toString());
    }

    @Test
    void aConfirmThatKeepsFailingIsFailedAfterMaxAttemptsThenRetriedOrForgottenFromAnyInstance() throws Exception {
        Accounts.FAILING.add("confirmDebit");
        root.transfer(() -> {
            root.debit("a", 5);
            return null;
        });
        Eventually.until("FAILED", () -> root.mbean.getFailed() == 1);
        String xid = root.mbean.getFailedTransactions().get(0).xid();
        awaitFailureLogged(xid);
        assertEquals(1, warehouse.transactions.view().failedTransactions().size(), "the warehouse sees it too");
        assertEquals(3, log.load(xid).orElseThrow().attempts());
        Accounts.FAILING.clear();
        assertTrue(warehouse.transactions.view().retry(xid), "retry from another service's instance");
        Eventually.until("confirmed", () -> Accounts.JOURNAL.contains("confirmDebit a 5"));
        Eventually.until("the transaction ended", () -> log.open(10).isEmpty());

        Accounts.FAILING.add("confirmDebit");
        root.transfer(() -> {
            root.debit("b", 1);
            return null;
        });
        Eventually.until("FAILED", () -> root.mbean.getFailed() == 1);
        String second = root.mbean.getFailedTransactions().get(0).xid();
        awaitFailureLogged(second);
        assertFalse(root.mbean.forget("no-such-xid"));
        assertTrue(root.mbean.forget(second));
        assertEquals(List.of(), log.open(10));
    }

    /**
     * A service stopped or removed while it had branches pending: nobody can finish them, so after maxAttempts claims
     * in which no service touched it the transaction is FAILED, in front of an operator, not claimed forever.
     */
    @Test
    void aBranchNoRunningServiceDeclaresEndsUpFailedInsteadOfBeingClaimedForever() {
        long now = System.currentTimeMillis();
        String xid = "orphan-" + TESTS.get();
        log.register(xid, new ParticipantId("com.acme.Gone", "reserve", "(J)V", "confirm", "cancel"), "[1]",
                new Carried(new LogRecord.Begin(xid, now, now + 30_000, "com.acme.Gone#order"), List.of()));
        log.decide(xid, true, List.of(0));

        Eventually.until("FAILED", () -> log.load(xid).map(t -> t.failure() != null).orElse(false));
        String failure = log.load(xid).orElseThrow().failure();
        assertTrue(failure.startsWith("no service finished its branches of com.acme.Gone in 3 attempt(s)"), failure);
        awaitFailureLogged(xid);
        assertTrue(root.mbean.forget(xid));
    }

    /**
     * The decision makes the transaction due at once, so recovery (the root's own and the warehouse's) claims it while
     * the root's round still confirms: the owner lock, taken before or by the decision, makes it skip, and the confirm
     * runs once. Control: a transaction decided with no lock taken, as by a root that died right after its decision,
     * is confirmed by the same recovery.
     */
    @Test
    void recoveryClaimingTheTransactionWhileTheRootConfirmsRunsNoSecondConfirm() throws Exception {
        CountDownLatch inConfirm = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger confirms = new AtomicInteger();
        Accounts.duringConfirmDebit = () -> {
            confirms.incrementAndGet();
            inConfirm.countDown();
            await(finish);
        };
        Future<?> transfer = http.submit(() -> root.transfer(() -> {
            root.debit("a", 5);
            return null;
        }));
        await(inConfirm);
        String xid = log.open(10).get(0).xid();
        Eventually.until("recovery claimed it", () -> log.load(xid).orElseThrow().dueAt()
                > System.currentTimeMillis() + 1000);
        RedisEndpoint redis = RedisEndpoint.of(redisSettings());
        closing.add(redis::close);
        assertEquals(1L, redis.<Long>call("test", commands -> commands.exists(ownerLockKey(xid))));
        assertEquals(1, confirms.get(), "recovery ran no round of its own");

        finish.countDown();
        transfer.get(10, TimeUnit.SECONDS);
        Eventually.until("the transaction ended", () -> log.load(xid).isEmpty());
        // Weft's own lock (the logs without owner keys of their own) is released without waiting for the reply
        Eventually.until("the owner lock was released", () -> redis.<Long>call("test",
                commands -> commands.exists(ownerLockKey(xid))) == 0L);
        assertEquals(1, confirms.get());

        String unlocked = "unlocked-" + TESTS.get();
        long now = System.currentTimeMillis();
        log.register(unlocked, new ParticipantId(Accounts.class.getName(), "debit", "(Ljava/lang/String;J)V",
                "confirmDebit", "cancelDebit"), "[\"c\",7]",
                new Carried(new LogRecord.Begin(unlocked, now, now + 30_000, "control"), List.of()));
        log.decide(unlocked, true, List.of(0));
        Eventually.until("recovery confirmed the control", () -> Accounts.JOURNAL.contains("confirmDebit c 7"));
        assertEquals(2, confirms.get());
    }

    /**
     * A normal exit (Weft's shutdown hook) lets the round in flight finish and release its owner lock. Without the hook
     * the JVM would halt with the lock held, as asserted in the middle, and no other instance could run this phase two
     * until the lock's lease ran out.
     */
    @Test
    void anInstanceStoppingAtExitFinishesItsRoundAndReleasesTheOwnerLock() throws Exception {
        CountDownLatch inConfirm = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        root.transfer(() -> {
            callWarehouse(warehouse, "sku", 1);
            Warehouse.pause = () -> {
                inConfirm.countDown();
                await(finish);
            };
            return null;
        });
        await(inConfirm);
        String xid = log.open(10).get(0).xid();
        String ownerLock = ownerLockKey(xid);
        RedisEndpoint redis = RedisEndpoint.of(redisSettings());
        closing.add(redis::close);
        assertEquals(1L, redis.<Long>call("test", commands -> commands.exists(ownerLock)),
                "the round in flight holds the owner lock");

        Future<?> stopping = http.submit(() -> warehouse.transactions.stop(Duration.ofSeconds(10)));
        assertThrows(TimeoutException.class, () -> stopping.get(200, TimeUnit.MILLISECONDS),
                "the exit waits for the round in flight");
        finish.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertEquals(0L, redis.<Long>call("test", commands -> commands.exists(ownerLock)),
                "released before the JVM halts");
        assertEquals(List.of(), log.open(10), "the round ended the transaction");
        assertEquals(1, Accounts.JOURNAL.stream().filter(line -> line.startsWith("confirmReserve")).count());
    }

    /** Kept by the log itself where it keeps owner locks (the Redis log), else Weft's own Redis lock. */
    private String ownerLockKey(String xid) {
        return log.ownerLocks().map(locks -> locks.keyOf(xid))
                .orElse(keyPrefix + "lock:{" + RedisOwnerLock.key(xid) + "}");
    }

    /** A FAILED transaction is an error in the log, for an operator; provoked here, so captured and checked. */
    private void awaitFailureLogged(String xid) {
        Eventually.until("the failure logged", () -> weftLog.errors().stream()
                .anyMatch(e -> e.startsWith("global transaction " + xid + " ") && e.contains("FAILED")));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
