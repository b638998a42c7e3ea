package dev.weft.runtime.tcc;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.SharedTransaction;
import dev.weft.runtime.txlog.SharedTransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.Wakeups;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The background side of a shared log, on one daemon thread ({@code weft-tcc-recovery}): wake-ups naming a participant
 * this process declares start a round of phase two here, and every second the due queue is scanned for transactions
 * any instance may finish (a root that died or hangs past its deadline, a retry whose backoff is over, a wake-up that
 * was lost). A claim makes a transaction skip the other instances' scans for {@link #CLAIM_MILLIS}; a round that
 * cannot finish sets its due time itself.
 */
final class SharedRecovery implements Recovery {
    static final long SCAN_MILLIS = 1000;
    /** Longer than a round of phase two normally takes, so that two instances seldom claim one transaction. */
    static final long CLAIM_MILLIS = 5_000;
    private static final int CLAIM_LIMIT = 100;
    /** The most rows JMX and {@code weft status} show. */
    private static final int SHOWN = 1000;

    private final SharedTransactionLog log;
    private final Wakeups wakeups;
    private final SharedFinisher finisher;
    private final DeclaredParticipants declared;
    private final ScheduledThreadPoolExecutor thread;

    SharedRecovery(SharedTransactionLog log, Wakeups wakeups, SharedFinisher finisher, DeclaredParticipants declared) {
        this.log = log;
        this.wakeups = wakeups;
        this.finisher = finisher;
        this.declared = declared;
        this.thread = Recovery.newThread();
    }

    /** Subscribing may wait for Redis, which must not delay {@code main}: it is the recovery thread's first task. */
    @Override
    public void start() {
        thread.execute(() -> wakeups.subscribe(this::wokenUp));
        thread.scheduleWithFixedDelay(this::scan, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** On the wake-up implementation's thread, which must not run application code: handed to the recovery thread. */
    private void wokenUp(String xid, Set<String> participantClasses) {
        if (participantClasses.stream().noneMatch(declared::declaresClass)) {
            return;
        }
        try {
            thread.execute(() -> finisher.round(xid, SharedFinisher.Trigger.WAKEUP));
        } catch (RejectedExecutionException closed) {
            // closing: another instance or the next start finishes it
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
                due(xid);
            } catch (TransactionLogException e) {
                Log.debug("global transaction " + xid + " is retried after its claim expires: " + e.getMessage());
            } catch (RuntimeException e) {
                // the thread must survive whatever one transaction does; it is retried after its claim expires
                Log.error("recovery of global transaction " + xid + " failed", e);
            }
        }
    }

    /** An undecided transaction past its deadline is rolled back here: its root died, hangs, or lost the race. */
    private void due(String xid) {
        Optional<SharedTransaction> loaded = log.load(xid);
        if (loaded.isEmpty()) {
            return;
        }
        SharedTransaction transaction = loaded.get();
        if (transaction.phase() == Phase.TRYING) {
            if (System.currentTimeMillis() <= transaction.deadline()) {
                log.dueAt(xid, transaction.deadline());
                return;
            }
            // not under the owner lock, so the round reads the transaction again under it
            Optional<Phase> phase = log.decide(xid, false, List.of()).map(SharedTransaction::phase);
            if (phase.orElse(null) == Phase.ROLLING_BACK) {
                Log.info("global transaction " + xid + " (" + transaction.origin() + ") has no decision and is past"
                        + " its deadline: rolled back, cancelling its " + transaction.branches().size()
                        + " branch(es)");
            }
        }
        finisher.round(xid, SharedFinisher.Trigger.DUE);
    }

    @Override
    public String describe() {
        return log.describe();
    }

    /** Decided and not FAILED, in the whole log: phase two of every instance together. */
    @Override
    public long recovering() {
        return log.open(SHOWN).stream().filter(t -> t.phase() != Phase.TRYING && t.failure() == null).count();
    }

    @Override
    public List<TransactionInfo> openTransactions() {
        return log.open(SHOWN).stream().map(SharedRecovery::info).toList();
    }

    private static TransactionInfo info(SharedTransaction t) {
        String status = t.failure() != null ? TransactionStatus.FAILED.name() : t.phase().name();
        int pending = (int) t.branches().stream().filter(b -> b.state() != BranchState.DONE).count();
        return new TransactionInfo(t.xid(), status, t.origin(), t.startedAt(), t.deadline(), t.branches().size(),
                pending, t.attempts(), t.failure());
    }

    @Override
    public boolean retry(String xid) {
        boolean retried = log.retry(xid);
        if (retried) {
            Log.info("global transaction " + xid + ": retrying phase two on request (due now, on any instance)");
        }
        return retried;
    }

    @Override
    public boolean forget(String xid) {
        boolean forgotten = log.forget(xid);
        if (forgotten) {
            Log.warn("global transaction " + xid + ": forgotten on request; its branches not done stay as they are");
        }
        return forgotten;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        wakeups.close();
        log.close();
    }
}
