package dev.weft.runtime.tcc;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.Wakeups;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background side of a transaction log, on one daemon thread ({@code weft-tcc-recovery}), and what an operator
 * sees and does through {@code dev.weft:type=Transactions}: wake-ups naming a participant this process declares start
 * a round of phase two here, and every second the due queue is scanned for transactions any instance may finish (a
 * root that died or hangs past its deadline, a retry whose backoff is over, a wake-up that was lost, what a previous
 * run left in a file log). A claim makes a transaction skip the other instances' scans for {@link #CLAIM_MILLIS}; a
 * round that cannot finish sets its due time itself.
 */
final class Recovery implements AutoCloseable {
    /**
     * The status JMX shows for a transaction whose phase two gave up; otherwise its {@link Phase}. It waits for an
     * operator (retry or forget).
     */
    static final String FAILED = "FAILED";
    static final long SCAN_MILLIS = 1000;
    /** Longer than a round of phase two normally takes, so that two instances seldom claim one transaction. */
    static final long CLAIM_MILLIS = 5_000;
    private static final int CLAIM_LIMIT = 100;
    /** The most rows JMX and {@code weft status} show. */
    private static final int SHOWN = 1000;

    private final TransactionLog log;
    private final Wakeups wakeups;
    private final Finisher finisher;
    private final DeclaredParticipants declared;
    private final OpenTransactions open;
    private final ScheduledThreadPoolExecutor thread = newThread();
    /** When the scan that {@link #scanBy} planned runs; in the past when none is planned. */
    private final AtomicLong extraScanAt = new AtomicLong();
    private volatile boolean stopping;

    Recovery(TransactionLog log, Wakeups wakeups, Finisher finisher, DeclaredParticipants declared,
             OpenTransactions open) {
        this.log = log;
        this.wakeups = wakeups;
        this.finisher = finisher;
        this.declared = declared;
        this.open = open;
    }

    /**
     * The one thread of recovery: a daemon, so that a transaction stuck in phase two never keeps the JVM alive.
     */
    private static ScheduledThreadPoolExecutor newThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "weft-tcc-recovery");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * Begins, once the rules are woven. Subscribing may wait for Redis, which must not delay {@code main}: it is the
     * recovery thread's first task.
     */
    void start() {
        finisher.whenDue(this::scanBy);
        thread.execute(() -> wakeups.subscribe(this::wokenUp));
        thread.scheduleWithFixedDelay(this::scan, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** On the wake-up implementation's thread, which must not run application code: handed to the recovery thread. */
    private void wokenUp(String xid, Set<String> participantClasses) {
        if (participantClasses.stream().noneMatch(declared::declaresClass)) {
            return;
        }
        try {
            thread.execute(() -> finisher.round(xid, Finisher.Trigger.WAKEUP));
        } catch (RejectedExecutionException closed) {
            // closing: another instance or the next start finishes it
        }
    }

    /** A round set a due time before the next regular scan: look at the due queue then too. */
    private void scanBy(long atMillis) {
        long delay = atMillis - System.currentTimeMillis();
        if (delay >= SCAN_MILLIS) {
            return;
        }
        long earlier = extraScanAt.get();
        if (earlier > System.currentTimeMillis() && earlier <= atMillis) {
            return; // one is planned already, early enough
        }
        extraScanAt.set(atMillis);
        try {
            thread.schedule(this::scan, Math.max(0, delay), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closing
        }
    }

    private void scan() {
        List<String> claimed;
        try {
            claimed = log.claimDue(System.currentTimeMillis(), CLAIM_MILLIS, CLAIM_LIMIT);
        } catch (TransactionLogException e) {
            Log.debug("scanning the due queue of " + log.describe() + " failed: " + e.getMessage());
            return;
        }
        for (String xid : claimed) {
            try {
                if (stopping) {
                    log.dueAt(xid, System.currentTimeMillis()); // handed back: due now for another instance
                    continue;
                }
                due(xid);
            } catch (TransactionLogException e) {
                Log.debug("global transaction " + xid + " is retried after its claim expires: " + e.getMessage());
            } catch (RuntimeException e) {
                // the thread must survive whatever one transaction does; it is retried after its claim expires
                Log.error("recovery of global transaction " + xid + " failed", e);
            }
        }
    }

    /**
     * An undecided transaction past its deadline is rolled back here: its root died, hangs, or lost the race. A global
     * method still running in this process is alive, and is left to decide when it returns (docs/tcc.md, "Timeout"),
     * with a shared log too: rolling it back now would cancel its branches while a try of it may still be running, and
     * a cancel that overtakes its try undoes nothing, then the try's work stays (found by MixedSoakTest on a starved
     * machine: money left frozen). It is handed back at once, due now, rather than kept claimed: other instances cannot
     * tell a slow root from a hung one, and roll it back at its deadline (docs/distributed-tcc.md, "Known limits"), which
     * a claim held here would put off again and again.
     */
    private void due(String xid) {
        Optional<LoggedTransaction> loaded = log.load(xid);
        if (loaded.isEmpty()) {
            return;
        }
        LoggedTransaction transaction = loaded.get();
        if (transaction.phase() == Phase.TRYING) {
            if (System.currentTimeMillis() <= transaction.deadline()) {
                log.dueAt(xid, transaction.deadline());
                return;
            }
            if (open.get(xid) != null) {
                log.dueAt(xid, System.currentTimeMillis());
                return;
            }
            // not under the owner lock, so the round reads the transaction again under it
            Optional<Phase> phase = log.decide(xid, false, List.of()).map(LoggedTransaction::phase);
            if (phase.orElse(null) == Phase.ROLLING_BACK) {
                Log.info("global transaction " + xid + " (" + transaction.origin() + ") has no decision and is past"
                        + " its deadline: rolled back, cancelling its " + transaction.branches().size()
                        + " branch(es)");
            }
        }
        finisher.round(xid, Finisher.Trigger.DUE);
    }

    /** The log, for messages. */
    String describe() {
        return log.describe();
    }

    /**
     * Decided and not FAILED, in the whole log: phase two of every instance together; with a log of one member also
     * the undecided ones a previous run left (no global method of this run has them), which roll back at their deadline.
     */
    long recovering() {
        return log.open(SHOWN).stream().filter(t -> t.failure() == null && (t.phase() != Phase.TRYING
                || !log.sharedByProcesses() && open.get(t.xid()) == null)).count();
    }

    /** Open transactions, FAILED ones included. */
    List<TransactionInfo> openTransactions() {
        return log.open(SHOWN).stream().map(Recovery::info).toList();
    }

    private static TransactionInfo info(LoggedTransaction t) {
        String status = t.failure() != null ? Recovery.FAILED : t.phase().name();
        int pending = (int) t.branches().stream().filter(b -> b.state() != BranchState.DONE).count();
        return new TransactionInfo(t.xid(), status, t.origin(), t.startedAt(), t.deadline(), t.branches().size(),
                pending, t.attempts(), t.failure());
    }

    /** @return false when {@code xid} is not a FAILED transaction */
    boolean retry(String xid) {
        boolean retried = log.retry(xid);
        if (retried) {
            Log.info("global transaction " + xid + ": retrying phase two on request (due now, on any instance)");
        }
        return retried;
    }

    /** @return false when {@code xid} is not a FAILED transaction */
    boolean forget(String xid) {
        boolean forgotten = log.forget(xid);
        if (forgotten) {
            Log.warn("global transaction " + xid + ": forgotten on request; its branches not done stay as they are");
        }
        return forgotten;
    }

    /**
     * At exit: no new round starts, the claims not yet served are handed back (due now, for any other instance), and
     * the round in flight finishes, so that its owner lock is released and the others it concerns are woken, rather
     * than left to the lock's lease and the claim's expiry (seconds, during which no other instance runs that phase
     * two). A round still running after {@code within} is left as a crash leaves it. The log stays open: application
     * threads may still begin and decide transactions until the JVM halts, and then recovery of the next start, or
     * another instance's, finishes them.
     */
    void stop(Duration within) {
        stopping = true;
        thread.shutdown(); // wake-ups arriving now are refused (wokenUp); the round in flight still publishes its own
        thread.getQueue().clear(); // wake-up rounds not started: the due queue brings them to another instance
        try {
            if (!thread.awaitTermination(within.toNanos(), TimeUnit.NANOSECONDS)) {
                Log.warn("a round of phase two of " + log.describe() + " was still running when the JVM exited:"
                        + " its owner lock and claim are left to expire, then recovery finishes it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        wakeups.close();
        log.close();
    }
}
