package dev.weft.runtime.tcc;

import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.NotTryingException;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.SharedTransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.TryEnd;
import java.time.Duration;
import java.util.Optional;

/**
 * A global transaction with a shared log (docs/distributed-tcc.md), on the thread of its global method (the root) or
 * of a request that joined it: begin lazily, register each branch before its try, record how each try ended, and, at
 * the root, decide and run phase two of the branches this process owns.
 *
 * <p>The decision is a compare-and-set on the log that another instance rolling back a transaction past its deadline
 * races with; whatever the log says after it is the outcome, and the caller is told that one.
 */
final class SharedCoordinator implements Coordination {
    private final SharedTransactionLog log;
    private final OpenTransactions open;
    private final SharedFinisher finisher;
    private final boolean barrier;

    SharedCoordinator(SharedTransactionLog log, OpenTransactions open, SharedFinisher finisher, boolean barrier) {
        this.log = log;
        this.open = open;
        this.finisher = finisher;
        this.barrier = barrier;
    }

    /** Nothing is written until the first branch or outgoing request: most global methods may call neither. */
    @Override
    public GlobalTransaction begin(String origin, Duration timeout) {
        return open.begin(origin, timeout);
    }

    /**
     * Records the root's transaction in the log, once.
     *
     * @param consequence what does not happen if it cannot be recorded, for the message
     * @throws WeftBackendException when the log cannot record it
     */
    void ensureBegun(GlobalTransaction transaction, String consequence) {
        if (transaction.begun) {
            return;
        }
        try {
            log.begin(new LogRecord.Begin(transaction.xid, transaction.startedAt, transaction.deadline,
                    transaction.origin));
        } catch (TransactionLogException e) {
            throw new WeftBackendException("global transaction " + transaction.xid + " (" + transaction.origin
                    + ") could not be recorded in " + log.describe() + " (" + e.getMessage() + "); " + consequence
                    + ". Check that the store is reachable; the global method may be called again", e);
        }
        transaction.begun = true;
    }

    @Override
    public Branch register(GlobalTransaction transaction, Participant participant, Object instance,
                           Object[] arguments, String json) {
        ensureBegun(transaction, "the try " + participant + " did not run");
        int id;
        try {
            id = log.register(transaction.xid, participant.id(), json);
        } catch (NotTryingException e) {
            throw notTrying(transaction, participant, e);
        } catch (TransactionLogException e) {
            throw new WeftBackendException("could not record the try " + participant + " of global transaction "
                    + transaction.xid + " in " + log.describe() + " (" + e.getMessage() + "); the try did not run", e);
        }
        Branch branch = new Branch(id, participant, instance, arguments, json);
        transaction.branches.add(branch);
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
     * A returned try the log did not record as {@code RETURNED} is cancelled whatever the decision, so a root must not
     * commit the others, and a joined request must fail so that its caller does not count on it.
     */
    @Override
    public void tryEnded(GlobalTransaction transaction, Branch branch, boolean returned) {
        branch.tryEnded(returned);
        TryEnd end = returned ? TryEnd.RETURNED : barrier ? TryEnd.FAILED_TO_CANCEL : TryEnd.FAILED_UNDONE;
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
        if (transaction.joined) {
            throw new WeftBackendException("global transaction " + transaction.xid + ": " + reason + "; its caller"
                    + " must not count on it", null);
        }
    }

    @Override
    public void complete(GlobalTransaction transaction, Throwable thrown) {
        boolean late = System.currentTimeMillis() > transaction.deadline;
        String rollbackOnly = transaction.rollbackOnly();
        boolean commit = thrown == null && !late && rollbackOnly == null;
        try {
            if (transaction.begun) {
                decideAndFinish(transaction, commit);
            } else {
                open.decided(commit); // nothing in the log, nothing to confirm or cancel
            }
        } finally {
            transaction.handedOver();
            open.finished(transaction);
        }
        CallerReport.rolledBackAfterReturn(transaction, thrown, rollbackOnly, late);
    }

    private void decideAndFinish(GlobalTransaction transaction, boolean commit) {
        Outcome outcome = decide(transaction, commit);
        open.decided(outcome.phase == Phase.COMMITTING);
        if (outcome.phase != null) {
            transaction.decide(outcome.phase == Phase.COMMITTING);
            finisher.round(transaction.xid, transaction, SharedFinisher.Trigger.DECISION);
        }
        if (commit && outcome.phase != Phase.COMMITTING) {
            throw notCommitted(transaction, outcome);
        }
    }

    /**
     * A commit that could not be recorded is followed by a rollback: whichever the log holds afterwards is the
     * outcome. A rollback that could not be recorded is left to recovery, at the deadline.
     */
    private Outcome decide(GlobalTransaction transaction, boolean commit) {
        try {
            return new Outcome(ask(transaction.xid, commit), null);
        } catch (TransactionLogException e) {
            if (!commit) {
                Log.warn("global transaction " + transaction.xid + " (" + transaction.origin + "): its rollback could"
                        + " not be recorded (" + e.getMessage() + "); recovery rolls it back at its deadline");
                return new Outcome(null, e.getMessage());
            }
            try {
                // Gone now means unknown, not rolled back: the lost commit may have landed and been finished by then
                return new Outcome(log.decide(transaction.xid, false).orElse(null), e.getMessage());
            } catch (TransactionLogException again) {
                return new Outcome(null, e.getMessage());
            }
        }
    }

    /** @return the phase after the call; ROLLING_BACK when the transaction is gone (before any decision of the root,
     *     only recovery's rollback can end it) */
    private Phase ask(String xid, boolean commit) {
        Optional<Phase> phase = log.decide(xid, commit);
        return phase.orElse(Phase.ROLLING_BACK);
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

    /** @param phase null when the outcome is unknown: the log answered neither the commit nor the rollback after it, or
     *     the transaction was gone by the rollback */
    private record Outcome(Phase phase, String error) {
    }
}
