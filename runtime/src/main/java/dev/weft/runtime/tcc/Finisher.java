package dev.weft.runtime.tcc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.RecoveredTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives decided transactions to their end: phase two once on the caller's thread, then on one recovery thread with
 * backoff until it is done or {@code maxAttempts} have failed (FAILED). It also finishes what the log held when it
 * was opened, and retries a log that failed to write.
 *
 * <p>Everything after the hand-over runs on the recovery thread, one transaction step at a time, so phase two of one
 * transaction never runs twice at once.
 */
final class Finisher implements Recovery {
    /** How often a log that failed to write is tried again, and a decision waiting on it. */
    private static final long LOG_RETRY_MILLIS = 1000;

    private final TransactionLog log;
    private final PhaseTwo phaseTwo;
    private final OpenTransactions open;
    private final Backoff backoff;
    private final int maxAttempts;
    private final ScheduledExecutorService thread;

    Finisher(TransactionLog log, PhaseTwo phaseTwo, OpenTransactions open, TransactionSettings.Retry retry) {
        this.log = log;
        this.phaseTwo = phaseTwo;
        this.open = open;
        this.backoff = new Backoff(retry);
        this.maxAttempts = retry.maxAttempts();
        this.thread = Recovery.newThread();
    }

    /** Phase two notes each branch done in {@code log} with a BranchDone record. */
    static PhaseTwo.DoneNotes notesIn(TransactionLog log) {
        return (xid, branchId) -> {
            try {
                log.append(new LogRecord.BranchDone(xid, branchId));
            } catch (TransactionLogException e) {
                // Only saves repeating it after a restart; confirm and cancel are at least once anyway.
            }
        };
    }

    /** Takes over what the log held and starts retrying the log itself when it fails. */
    @Override
    public void start() {
        List<RecoveredTransaction> recovered = log.recovered();
        recovered.forEach(this::adopt);
        report(recovered);
        thread.scheduleWithFixedDelay(log::repair, LOG_RETRY_MILLIS, LOG_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void adopt(RecoveredTransaction recovered) {
        LogRecord.Begin begin = recovered.begin();
        GlobalTransaction transaction = new GlobalTransaction(begin.xid(), begin.origin(), begin.startedAt(),
                begin.deadline(), false);
        transaction.begun = true;
        if (recovered.phase() != Phase.TRYING) {
            transaction.decide(recovered.phase() == Phase.COMMITTING);
            transaction.decisionDurable = true;
        }
        recovered.branches().forEach(branch -> transaction.branches.add(new Branch(branch.branchId(),
                branch.participant(), branch.arguments(), recovered.failedTries().contains(branch.branchId()),
                recovered.done().contains(branch.branchId()))));
        transaction.lastError = recovered.failure();
        transaction.failed(recovered.failure() != null);
        open.recovered(transaction);
        if (!transaction.failed()) {
            schedule(transaction, 0);
        }
    }

    private void report(List<RecoveredTransaction> recovered) {
        if (recovered.isEmpty()) {
            return;
        }
        long failed = recovered.stream().filter(r -> r.failure() != null).count();
        Log.info(log.describe() + " holds " + recovered.size() + " unfinished transaction(s) of a previous run: "
                + count(recovered, Phase.COMMITTING) + " to confirm, " + count(recovered, Phase.ROLLING_BACK)
                + " to cancel, " + count(recovered, Phase.TRYING) + " with no decision (cancelled once past their"
                + " timeout), " + failed + " FAILED; finishing them in the background");
        if (failed > 0) {
            Log.error(failed + " transaction(s) in " + log.describe() + " are FAILED and wait for an operator; see"
                    + " FailedTransactions in JMX dev.weft:type=Transactions, then retry(xid) or forget(xid)");
        }
    }

    private static long count(List<RecoveredTransaction> recovered, Phase phase) {
        return recovered.stream().filter(r -> r.failure() == null && r.phase() == phase).count();
    }

    /** On the thread that ran the global method, whose decision is taken: one round, then the recovery thread's. */
    void finishNow(GlobalTransaction transaction) {
        if (transaction.decisionDurable && phaseTwo.attempt(transaction) == PhaseTwo.Outcome.DONE) {
            end(transaction);
            return;
        }
        transaction.handedOver();
        schedule(transaction, transaction.decisionDurable ? pause(transaction) : LOG_RETRY_MILLIS);
    }

    private void schedule(GlobalTransaction transaction, long delayMillis) {
        thread.schedule(() -> step(transaction), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void step(GlobalTransaction transaction) {
        if (open.get(transaction.xid) != transaction || transaction.failed()) {
            return; // forgotten or FAILED by an operator call meanwhile
        }
        if (transaction.phase() == Phase.TRYING) {
            long left = transaction.deadline - System.currentTimeMillis();
            if (left > 0) {
                schedule(transaction, left);
                return;
            }
            Log.info("global transaction " + transaction.xid + " (" + transaction.origin + ") has no decision and is"
                    + " past its timeout: cancelling its " + transaction.pendingBranches() + " branch(es)");
            transaction.decide(false);
            open.decided(false);
        }
        if (!transaction.decisionDurable && !recordDecision(transaction)) {
            schedule(transaction, LOG_RETRY_MILLIS);
            return;
        }
        PhaseTwo.Outcome outcome = phaseTwo.attempt(transaction);
        if (outcome == PhaseTwo.Outcome.DONE) {
            end(transaction);
        } else if (transaction.attempts >= maxAttempts) {
            fail(transaction);
        } else {
            schedule(transaction, pause(transaction));
        }
    }

    private boolean recordDecision(GlobalTransaction transaction) {
        if (!log.repair()) {
            return false;
        }
        try {
            log.appendDurably(new LogRecord.Decision(transaction.xid, transaction.committing()));
            transaction.decisionDurable = true;
            return true;
        } catch (TransactionLogException e) {
            return false;
        }
    }

    private long pause(GlobalTransaction transaction) {
        return backoff.pauseMillis(Math.max(1, transaction.attempts + transaction.waits));
    }

    private void fail(GlobalTransaction transaction) {
        transaction.failed(true);
        try {
            log.append(new LogRecord.Failed(transaction.xid, transaction.lastError));
        } catch (TransactionLogException e) {
            // the log says it is still in phase two, so a restart tries again: nothing is hidden
        }
        Log.error("global transaction " + transaction.xid + " (" + transaction.origin + ") FAILED: "
                + (transaction.committing() ? "confirm" : "cancel") + " of " + transaction.pendingBranches()
                + " branch(es) still failed after " + transaction.attempts + " attempt(s); last error: "
                + transaction.lastError + ". It stays in the log and in JMX dev.weft:type=Transactions; fix the"
                + " cause and call retry(\"" + transaction.xid + "\"), or forget(\"" + transaction.xid + "\") once it"
                + " was resolved by hand");
    }

    private void end(GlobalTransaction transaction) {
        if (transaction.begun) {
            try {
                log.append(new LogRecord.End(transaction.xid));
            } catch (TransactionLogException e) {
                // phase two is done; without the End a restart repeats it, which at-least-once allows
            }
        }
        open.finished(transaction);
    }

    @Override
    public String describe() {
        return log.describe();
    }

    @Override
    public long recovering() {
        return open.recovering();
    }

    @Override
    public List<TransactionInfo> openTransactions() {
        return open.all().stream().map(Finisher::info).toList();
    }

    private static TransactionInfo info(GlobalTransaction t) {
        return new TransactionInfo(t.xid, t.status().name(), t.origin, t.startedAt, t.deadline, t.branches.size(),
                (int) t.pendingBranches(), t.attempts, t.lastError);
    }

    /** An operator's retry of a FAILED transaction: its attempts start again. */
    @Override
    public boolean retry(String xid) {
        return onRecoveryThread(() -> {
            GlobalTransaction transaction = open.get(xid);
            if (transaction == null || !transaction.failed()) {
                return false;
            }
            Log.info("global transaction " + xid + ": retrying phase two on request");
            transaction.failed(false);
            transaction.attempts = 0;
            transaction.waits = 0;
            transaction.decisionDurable = false; // the Decision record again clears FAILED in the log
            schedule(transaction, 0);
            return true;
        });
    }

    /** An operator's word that a FAILED transaction was resolved by hand: it ends without phase two. */
    @Override
    public boolean forget(String xid) {
        return onRecoveryThread(() -> {
            GlobalTransaction transaction = open.get(xid);
            if (transaction == null || !transaction.failed()) {
                return false;
            }
            Log.warn("global transaction " + xid + " (" + transaction.origin + "): forgotten on request, with "
                    + transaction.pendingBranches() + " branch(es) never " + (transaction.committing() ? "confirmed"
                    : "cancelled"));
            end(transaction);
            return true;
        });
    }

    private boolean onRecoveryThread(Callable<Boolean> action) {
        try {
            return thread.submit(action).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        log.close();
    }
}
