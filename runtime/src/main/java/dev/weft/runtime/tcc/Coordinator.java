package dev.weft.runtime.tcc;

import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.RecordLog;
import dev.weft.runtime.txlog.TransactionLogException;
import java.time.Duration;

/**
 * The life of a global transaction on the thread that runs its global method: begin, register each try durably
 * before it runs, then decide and hand over to {@link Finisher}.
 *
 * <p>Nothing is written for a global method that calls no participant. The first branch writes the Begin record, and
 * every branch is forced to disk (shared with concurrent transactions) before its try runs. The decision is forced
 * before the first confirm or cancel and before the global method returns, so "committed" is never said of a
 * transaction a crash could roll back.
 *
 * <p>With {@code jdbc.barrier} on, a branch whose try failed is cancelled whatever the decision: it may have committed
 * database work and then thrown, and the barrier turns the cancel of a try that left nothing into an empty rollback.
 * The log says so ({@code TryFailed}, durable with the decision), so that recovery of a commit does not confirm it.
 * Without the barrier a failed try is taken to have undone its own work (SPEC 4) and needs nothing more.
 */
final class Coordinator implements Coordination {
    private final RecordLog log;
    private final OpenTransactions open;
    private final Finisher finisher;
    private final boolean barrier;

    Coordinator(RecordLog log, OpenTransactions open, Finisher finisher, boolean barrier) {
        this.log = log;
        this.open = open;
        this.finisher = finisher;
        this.barrier = barrier;
    }

    /** @throws WeftBackendException when the log cannot be written: the global method does not run (fail closed) */
    @Override
    public GlobalTransaction begin(String origin, Duration timeout) {
        try {
            log.checkWritable();
        } catch (TransactionLogException e) {
            throw new WeftBackendException("global transaction " + origin + " refused to begin: " + e.getMessage(), e);
        }
        return open.begin(origin, timeout);
    }

    /** @throws WeftBackendException when the log cannot be written; the try does not run */
    @Override
    public Branch register(GlobalTransaction transaction, Participant participant, Object instance,
                           Object[] arguments, String json) {
        Branch branch = new Branch(transaction.nextBranchId(), participant, instance, arguments, json);
        try {
            if (!transaction.begun) {
                log.append(new LogRecord.Begin(transaction.xid, transaction.startedAt, transaction.deadline,
                        transaction.origin));
                transaction.begun = true;
            }
            log.appendDurably(new LogRecord.Branch(transaction.xid, branch.id, participant.id(), json));
        } catch (TransactionLogException e) {
            throw new WeftBackendException("could not record the try " + participant + " of global transaction "
                    + transaction.xid + " (" + e.getMessage() + "); the try did not run", e);
        }
        transaction.branches.add(branch);
        return branch;
    }

    /** Nothing to write yet: a failed try is recorded with the decision (TryFailed or BranchDone). */
    @Override
    public void tryEnded(GlobalTransaction transaction, Branch branch, boolean returned) {
        branch.tryEnded(returned);
    }

    /**
     * The global method returned ({@code thrown} null) or threw: decide, then confirm or cancel.
     *
     * @throws TransactionTimeoutException it returned past its deadline: the branches were cancelled instead
     * @throws WeftBackendException it returned but the commit could not be made durable, or the barrier refused one
     *     of its tries: it rolls back instead
     */
    @Override
    public void complete(GlobalTransaction transaction, Throwable thrown) {
        boolean late = System.currentTimeMillis() > transaction.deadline;
        String rollbackOnly = transaction.rollbackOnly();
        boolean commit = thrown == null && !late && rollbackOnly == null;
        boolean durable = decide(transaction, commit);
        if (commit && !durable) {
            decide(transaction, false);
        }
        open.decided(commit && durable);
        finisher.finishNow(transaction);
        if (commit && !durable) {
            throw CallerReport.notCommitted(transaction, "its commit could not be recorded in the transaction log ("
                    + transaction.lastError + "). It rolls back: its branches are cancelled as soon as the log can be"
                    + " written again");
        }
        CallerReport.rolledBackAfterReturn(transaction, thrown, rollbackOnly, late);
    }

    /** Records the decision; true when it is durable, or when no branch needs it. */
    private boolean decide(GlobalTransaction transaction, boolean commit) {
        transaction.decide(commit);
        try {
            for (Branch branch : transaction.branches) {
                if (!branch.tryFailed()) {
                    continue;
                }
                if (barrier) {
                    log.append(new LogRecord.TryFailed(transaction.xid, branch.id));
                } else {
                    branch.done();
                    log.append(new LogRecord.BranchDone(transaction.xid, branch.id));
                }
            }
            if (transaction.pendingBranches() > 0) {
                log.appendDurably(new LogRecord.Decision(transaction.xid, commit));
            }
            transaction.decisionDurable = true;
        } catch (TransactionLogException e) {
            transaction.decisionDurable = false;
            transaction.lastError = e.getMessage();
        }
        return transaction.decisionDurable;
    }
}
