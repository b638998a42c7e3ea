package dev.weft.runtime.tcc;

import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.BranchState;
import java.time.Duration;
import java.util.Optional;

/**
 * The life of a global transaction (docs/tcc.md, docs/distributed-tcc.md), on the thread of its global method (the
 * root) or of a request that joined it: begin lazily, register each branch durably before its try, record how each
 * try ended, and, at the root, decide and run phase two of the branches this process owns ({@link Finisher}).
 *
 * <p>Nothing is written for a global method that calls no participant. The decision is durable before the first
 * confirm or cancel and before the global method returns, so "committed" is never said of a transaction a crash could
 * roll back. It is a compare-and-set on the log that recovery rolling back a transaction past its deadline races
 * with; whatever the log says after it is the outcome, and the caller is told that one.
 *
 * <p>With {@code jdbc.barrier} on, a branch whose try failed is cancelled whatever the decision: it may have committed
 * database work and then thrown, and the barrier turns the cancel of a try that left nothing into an empty rollback.
 * Without the barrier a failed try is taken to have undone its own work (docs/tcc.md) and needs nothing more.
 */
final class Coordinator implements Coordination {
    private final TransactionLog log;
    private final OpenTransactions open;
    private final Finisher finisher;
    private final boolean barrier;

    Coordinator(TransactionLog log, OpenTransactions open, Finisher finisher, boolean barrier) {
        this.log = log;
        this.open = open;
        this.finisher = finisher;
        this.barrier = barrier;
    }

    /**
     * Nothing is written until the first branch or outgoing request: most global methods may call neither.
     *
     * @throws WeftBackendException when the log knows it cannot be written: the global method does not run
     */
    @Override
    public GlobalTransaction begin(String origin, Duration timeout) {
        try {
            log.checkWritable();
        } catch (TransactionLogException e) {
            throw new WeftBackendException("global transaction " + origin + " refused to begin: " + e.getMessage(), e);
        }
        return open.begin(origin, timeout);
    }

    /**
     * Records the root's transaction in the log before an outgoing request names it; a branch registered first
     * carries the begin itself.
     *
     * @throws WeftBackendException when the log cannot record it: the request is not sent
     */
    void ensureBegun(GlobalTransaction transaction) {
        synchronized (transaction) { // a thread it handed work to may send or register at the same time
            if (transaction.begun()) {
                return;
            }
            try {
                log.begin(transaction.beginRecord());
            } catch (TransactionLogException e) {
                throw notRecorded(transaction, e, "the HTTP request was not sent");
            }
            transaction.recorded();
        }
    }

    private WeftBackendException notRecorded(GlobalTransaction transaction, TransactionLogException e,
                                             String consequence) {
        return new WeftBackendException("global transaction " + transaction.xid + " (" + transaction.origin
                + ") could not be recorded in " + log.describe() + " (" + e.getMessage() + "); " + consequence
                + ". Check that the store is reachable; the global method may be called again", e);
    }

    /**
     * The root's begin (the first time) and its tries that returned since its last call ride on the registration. One
     * thread at a time: the threads the root handed work to share its transaction's state.
     */
    @Override
    public Branch register(GlobalTransaction transaction, Participant participant, Object instance,
                           Object[] arguments, String json) {
        synchronized (transaction) { // threads it handed work to register too: one at a time
            return registerNow(transaction, participant, instance, arguments, json);
        }
    }

    private Branch registerNow(GlobalTransaction transaction, Participant participant, Object instance,
                               Object[] arguments, String json) {
        int id;
        try {
            id = log.register(transaction.xid, participant.id(), json, transaction.carried());
        } catch (NotTryingException e) {
            transaction.recorded(); // it is in the log, decided: the decision tells the caller
            throw notTrying(transaction, participant, e);
        } catch (TransactionLogException e) {
            // the returned tries stay unreported, to be carried again: marking RETURNED twice changes nothing
            throw transaction.begun() ? new WeftBackendException("could not record the try " + participant
                    + " of global transaction " + transaction.xid + " in " + log.describe() + " (" + e.getMessage()
                    + "); the try did not run", e)
                    : notRecorded(transaction, e, "the try " + participant + " did not run");
        }
        Branch branch = new Branch(id, participant, instance, arguments, json);
        transaction.registered(branch);
        return branch;
    }

    /**
     * At the root only a rollback past the deadline by another instance decides before the root does; a joined request
     * may also arrive after its root threw and rolled back.
     */
    private static RuntimeException notTrying(GlobalTransaction transaction, Participant participant,
                                              NotTryingException e) {
        boolean late = System.currentTimeMillis() > transaction.deadline;
        if (e.phase() == Phase.ROLLING_BACK && (late || !transaction.joined)) {
            return new TransactionTimeoutException("global transaction " + transaction.xid + " was rolled back past"
                    + " its deadline by recovery; the try " + participant + " was not run");
        }
        return new WeftBackendException(e.getMessage() + "; the try " + participant + " was not run", e);
    }

    /**
     * At the root a returned try is written with the root's next call to the log (see {@link dev.weft.runtime.txlog.Carried}): nothing on this
     * thread can need it earlier, and a root that dies first leaves the branch {@code TRYING}, which is cancelled as
     * its whole transaction is. A joined request records it before the request returns, because its caller counts on
     * it; and a returned try the log did not record as {@code RETURNED} is cancelled whatever the decision, so the
     * request must fail so that its caller does not count on it.
     */
    @Override
    public void tryEnded(GlobalTransaction transaction, Branch branch, BranchState end) {
        boolean returned = end == BranchState.RETURNED;
        if (returned && !transaction.joined) {
            transaction.returnedHere(branch);
            return;
        }
        if (!returned && !barrier) {
            end = BranchState.DONE; // it undid its own work: nothing to cancel
        }
        String problem;
        try {
            if (log.tryEnded(transaction.xid, branch.id, end) || !returned) {
                return;
            }
            problem = "returned after the transaction was decided";
        } catch (TransactionLogException e) {
            if (!returned) {
                return; // still TRYING in the log, which is cancelled like FAILED: the same outcome
            }
            problem = "returned, but " + log.describe() + " did not record it (" + e.getMessage() + ")";
        }
        String reason = "the try " + branch.participantId + " " + problem + ", so it will be cancelled";
        transaction.rollbackOnly(reason);
        throw new WeftBackendException("global transaction " + transaction.xid + ": " + reason + "; its caller"
                + " must not count on it", null);
    }

    @Override
    public void complete(GlobalTransaction transaction, Throwable thrown) {
        boolean late = System.currentTimeMillis() > transaction.deadline;
        String rollbackOnly = transaction.rollbackOnly();
        boolean commit = thrown == null && !late && rollbackOnly == null;
        try {
            if (transaction.begun()) {
                decideAndFinish(transaction, commit);
            } else {
                open.decided(commit); // nothing in the log, nothing to confirm or cancel
            }
        } finally {
            open.finished(transaction);
        }
        CallerReport.rolledBackAfterReturn(transaction, thrown, rollbackOnly, late);
    }

    /**
     * The owner lock is taken before the decision (or by it, when the log keeps the lock), so that no other round can
     * run between the decision and the root's round, and the transaction the decision returns is still what the log
     * holds when the round runs from it.
     */
    private void decideAndFinish(GlobalTransaction transaction, boolean commit) {
        OwnerLock.RootDecision decision = finisher.forDecision(transaction.xid);
        Outcome outcome;
        try {
            outcome = decide(transaction, commit, decision);
        } catch (RuntimeException | Error e) {
            finisher.release(decision.held());
            throw e;
        }
        Phase phase = outcome.phase();
        open.decided(phase == Phase.COMMITTING);
        finisher.decided(decision.held(), outcome.transaction, transaction);
        if (commit && phase != Phase.COMMITTING) {
            throw notCommitted(transaction, outcome);
        }
    }

    /**
     * A commit that could not be recorded is followed by a rollback: whichever the log holds afterwards is the
     * outcome. A rollback that could not be recorded is left to recovery, at the deadline.
     */
    private Outcome decide(GlobalTransaction transaction, boolean commit, OwnerLock.RootDecision decision) {
        try {
            return decided(ask(transaction, commit, decision), null);
        } catch (TransactionLogException e) {
            if (!commit) {
                Log.warn("global transaction " + transaction.xid + " (" + transaction.origin + "): its rollback could"
                        + " not be recorded (" + e.getMessage() + "); recovery rolls it back at its deadline");
                return new Outcome(null, null, e.getMessage());
            }
            try {
                // Gone now means unknown, not rolled back: the lost commit may have landed and been finished by then
                return decided(ask(transaction, false, decision), e.getMessage());
            } catch (TransactionLogException again) {
                return new Outcome(null, null, e.getMessage());
            }
        }
    }

    /** The root's returned tries not written yet ride on the decision: they count only if it is the first. */
    private Optional<LoggedTransaction> ask(GlobalTransaction transaction, boolean commit,
                                            OwnerLock.RootDecision decision) {
        return decision.decide(commit, transaction.returnedUnreported());
    }

    /**
     * @param error why the commit asked for first could not be recorded, or null
     */
    private static Outcome decided(Optional<LoggedTransaction> after, String error) {
        if (after.isPresent()) {
            return new Outcome(after.get().phase(), after.get(), error);
        }
        // before any decision of the root, only recovery's rollback can end it; after a lost commit, gone is unknown
        return new Outcome(error == null ? Phase.ROLLING_BACK : null, null, error);
    }

    private RuntimeException notCommitted(GlobalTransaction transaction, Outcome outcome) {
        if (outcome.phase == null) {
            return new WeftBackendException("the outcome of global transaction " + transaction.xid + " ("
                    + transaction.origin + ") is unknown: " + log.describe() + " did not answer (" + outcome.error
                    + "). Recovery finishes it: its branches are confirmed if the commit was recorded, else cancelled"
                    + " at its deadline. Do not repeat the business operation before checking its effect", null);
        }
        if (outcome.error != null) {
            return CallerReport.notCommitted(transaction, "its commit could not be recorded in " + log.describe()
                    + " (" + outcome.error + "). It was rolled back instead: its branches are cancelled");
        }
        return new TransactionTimeoutException("global transaction " + transaction.xid + " (" + transaction.origin
                + ") was NOT committed: it was rolled back by recovery after its timeout of "
                + CallerReport.timeout(transaction) + " passed; its branches are cancelled");
    }

    /**
     * @param phase       null when the outcome is unknown: the log answered neither the commit nor the rollback
     *                    after it, or the transaction was gone by the rollback
     * @param transaction as the log holds it after the decision, for the root's round; null when not known (or
     *                    gone)
     */
    private record Outcome(Phase phase, LoggedTransaction transaction, String error) {
    }
}
