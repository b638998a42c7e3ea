package dev.weft.runtime.tcc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.lock.HeldLock;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.SharedTransaction;
import dev.weft.runtime.txlog.SharedTransaction.SharedBranch;
import dev.weft.runtime.txlog.SharedTransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.Wakeups;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One round of phase two of a shared-log transaction in this process: under its owner lock, confirm or cancel the
 * branches whose participants this process declares ({@link DeclaredParticipants}), note each one done, end the
 * transaction when nothing is left, and otherwise wake the services whose branches remain.
 *
 * <p>Which branches to run comes from the log, not from memory: a branch still {@code TRYING} there is cancelled even
 * if its try returned here, because every other instance would cancel it too. The per-branch work is {@link PhaseTwo},
 * the same as with the file log.
 *
 * <p>A failed round counts an attempt in the log and makes the transaction due again after the backoff, or FAILED
 * after {@code maxAttempts}. A round started by a wake-up that did not finish its own branches wakes nobody: two
 * services whose confirms both fail would otherwise wake each other with no pause; the due queue retries them.
 */
final class SharedFinisher {
    /** How a round was started, which decides whether it may wake other services. */
    enum Trigger {
        /** The root, right after its decision. */
        DECISION,
        /** A claim from the due queue: a retry, a rollback past the deadline, or a lost wake-up. */
        DUE,
        /** A wake-up message from another process. */
        WAKEUP
    }

    private final SharedTransactionLog log;
    private final Wakeups wakeups;
    private final OwnerLock ownerLock;
    private final PhaseTwo phaseTwo;
    private final DeclaredParticipants declared;
    private final Backoff backoff;
    private final int maxAttempts;

    SharedFinisher(SharedTransactionLog log, Wakeups wakeups, OwnerLock ownerLock, PhaseTwo phaseTwo,
                   DeclaredParticipants declared, TransactionSettings.Retry retry) {
        this.log = log;
        this.wakeups = wakeups;
        this.ownerLock = ownerLock;
        this.phaseTwo = phaseTwo;
        this.declared = declared;
        this.backoff = new Backoff(retry);
        this.maxAttempts = retry.maxAttempts();
    }

    /** Phase two notes each branch done in the shared log. */
    static PhaseTwo.DoneNotes notesIn(SharedTransactionLog log) {
        return (xid, branchId) -> {
            try {
                log.branchDone(xid, branchId);
            } catch (TransactionLogException e) {
                // the branch runs again, here or elsewhere: confirm and cancel are at least once
            }
        };
    }

    /**
     * @param local the root's transaction, whose branches registered here keep their instance and argument objects;
     *     null when finishing from the log alone
     */
    void round(String xid, GlobalTransaction local, Trigger trigger) {
        HeldLock held = ownerLock.tryLock(xid);
        if (held == null) {
            return; // the holder wakes the others when it is done, and the due queue is the safety net
        }
        Round round;
        try {
            round = runOwnBranches(xid, local);
        } catch (TransactionLogException e) {
            Log.warn("phase two of global transaction " + xid + " paused: " + e.getMessage() + "; it is retried from"
                    + " the due queue of " + log.describe());
            return;
        } finally {
            ownerLock.release(held);
        }
        boolean mayWake = trigger != Trigger.WAKEUP || round.outcome == PhaseTwo.Outcome.DONE;
        if (mayWake && !round.otherClasses.isEmpty()) {
            publish(xid, round.otherClasses);
        }
    }

    /** Wakes the services declaring {@code classes}; a lost message only delays them until the due queue. */
    void publish(String xid, Set<String> classes) {
        try {
            wakeups.publish(xid, classes);
        } catch (TransactionLogException e) {
            Log.warn("could not wake the services of global transaction " + xid + " (" + e.getMessage() + "); they"
                    + " find it in the due queue instead");
        }
    }

    private Round runOwnBranches(String xid, GlobalTransaction local) {
        Optional<SharedTransaction> loaded = log.load(xid);
        if (loaded.isEmpty() || loaded.get().phase() == Phase.TRYING || loaded.get().failure() != null) {
            return Round.NOTHING; // ended, not decided yet, or FAILED (left to an operator)
        }
        SharedTransaction shared = loaded.get();
        GlobalTransaction own = ownBranches(shared, local);
        PhaseTwo.Outcome outcome = own.branches.isEmpty() ? PhaseTwo.Outcome.DONE : phaseTwo.attempt(own);
        if (outcome == PhaseTwo.Outcome.FAILED) {
            attemptFailed(own);
        } else if (outcome == PhaseTwo.Outcome.WAITING) {
            log.dueAt(xid, System.currentTimeMillis() + backoff.pauseMillis(Math.max(1, shared.attempts())));
        }
        Set<String> others = otherClasses(shared);
        if (outcome == PhaseTwo.Outcome.DONE && others.isEmpty()) {
            log.endIfDone(xid);
        }
        return new Round(outcome, others);
    }

    /** The branches of {@code shared} this process runs, still to do, as {@link PhaseTwo} takes them. */
    private GlobalTransaction ownBranches(SharedTransaction shared, GlobalTransaction local) {
        GlobalTransaction own = new GlobalTransaction(shared.xid(), shared.origin(), shared.startedAt(),
                shared.deadline(), false);
        own.decide(shared.phase() == Phase.COMMITTING);
        own.attempts = shared.attempts();
        for (SharedBranch branch : shared.branches()) {
            if (branch.state() != BranchState.DONE && declared.declares(branch.participant())) {
                own.branches.add(Branch.of(branch, local == null ? null : localBranch(local, branch.id())));
            }
        }
        return own;
    }

    private static Branch localBranch(GlobalTransaction local, int id) {
        return local.branches.stream().filter(b -> b.id == id).findFirst().orElse(null);
    }

    private Set<String> otherClasses(SharedTransaction shared) {
        Set<String> classes = new TreeSet<>();
        shared.branches().stream()
                .filter(b -> b.state() != BranchState.DONE && !declared.declares(b.participant()))
                .forEach(b -> classes.add(b.participant().className()));
        return classes;
    }

    private void attemptFailed(GlobalTransaction own) {
        int attempts = log.attemptFailed(own.xid);
        if (attempts < maxAttempts) {
            log.dueAt(own.xid, System.currentTimeMillis() + backoff.pauseMillis(attempts));
            return;
        }
        log.fail(own.xid, own.lastError);
        Log.error("global transaction " + own.xid + " (" + own.origin + ") FAILED: " + (own.committing() ? "confirm"
                : "cancel") + " of " + own.pendingBranches() + " branch(es) of this service still failed after "
                + attempts + " attempt(s); last error: " + own.lastError + ". It stays in " + log.describe()
                + " and in JMX dev.weft:type=Transactions of every instance; fix the cause and call retry(\""
                + own.xid + "\"), or forget(\"" + own.xid + "\") once it was resolved by hand");
    }

    private record Round(PhaseTwo.Outcome outcome, Set<String> otherClasses) {
        static final Round NOTHING = new Round(PhaseTwo.Outcome.DONE, Set.of());
    }
}
