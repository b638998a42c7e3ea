package dev.weft.runtime.tcc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.retry.Backoff;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.TransactionLog;
import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.runtime.txlog.Wakeups;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * One round of phase two of a transaction in this process: under its owner lock, confirm or cancel the branches whose
 * participants this process declares ({@link DeclaredParticipants}; with a log of one member, every branch), then in
 * one call to the log note them done and end the transaction when nothing is left, and otherwise wake the services
 * whose branches remain.
 *
 * <p>Which branches to run comes from the log, not from memory: a branch still {@code TRYING} there is cancelled even
 * if its try returned here, because every other instance would cancel it too. The per-branch work is {@link PhaseTwo}.
 * The notes of a round are written together at its end, so a crash in the middle of a round runs that round's
 * confirms or cancels again, which at-least-once allows (exactly once in effect with {@code jdbc.barrier}).
 *
 * <p>A failed round counts an attempt in the log and makes the transaction due again after the backoff, or FAILED
 * after {@code maxAttempts}; so does a claim of a transaction that only other services can finish and none of them
 * touched since this process last claimed it ({@link UnattendedBranches}). A round started by a wake-up that did not
 * finish its own branches wakes nobody: two services whose confirms both fail would otherwise wake each other with no
 * pause; the due queue retries them.
 */
final class Finisher {
    /** Paused transactions remembered; the oldest are forgotten first (their waits then count from 0 again). */
    private static final int REMEMBERED = 10_000;

    /** How a round from the log was started, which decides whether it may wake other services. */
    enum Trigger {
        /** A claim from the due queue: a retry, a rollback past the deadline, or a lost wake-up. */
        DUE,
        /** A wake-up message from another process. */
        WAKEUP
    }

    private final TransactionLog log;
    private final Wakeups wakeups;
    private final OwnerLock ownerLock;
    private final PhaseTwo phaseTwo;
    private final DeclaredParticipants declared;
    private final Backoff backoff;
    private final int maxAttempts;
    private final UnattendedBranches unattended;
    /** Transactions whose last round here waited or failed: how often it waited, and its last error. */
    private final Map<String, Paused> paused = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Paused> eldest) {
            return size() > REMEMBERED;
        }
    });
    private volatile LongConsumer dueListener = atMillis -> {
    };

    Finisher(TransactionLog log, Wakeups wakeups, OwnerLock ownerLock, PhaseTwo phaseTwo,
                   DeclaredParticipants declared, TransactionSettings.Retry retry) {
        this.log = log;
        this.wakeups = wakeups;
        this.ownerLock = ownerLock;
        this.phaseTwo = phaseTwo;
        this.declared = declared;
        this.backoff = new Backoff(retry);
        this.maxAttempts = retry.maxAttempts();
        this.unattended = new UnattendedBranches(log, retry);
    }

    /** Told each due time a round sets, so that the due queue is looked at then, not only at its next scan. */
    void whenDue(LongConsumer listener) {
        dueListener = listener;
    }

    private void dueAt(String xid, long atMillis) {
        log.dueAt(xid, atMillis);
        dueListener.accept(atMillis);
    }

    /** A round started from the log alone, by a wake-up or the due queue: it reads the transaction under the lock. */
    void round(String xid, Trigger trigger) {
        OwnerLock.Held held = ownerLock.tryLock(xid);
        if (held == null) {
            return; // the holder wakes the others when it is done, and the due queue is the safety net
        }
        Round round = underLock(held, xid, () -> log.load(xid), null);
        if (round != null && (trigger != Trigger.WAKEUP || round.outcome == PhaseTwo.Outcome.DONE)) {
            publish(xid, round.otherClasses);
        }
        if (round != null && trigger == Trigger.DUE && round.ownBranches == 0 && !round.otherClasses.isEmpty()) {
            unattended.claimed(xid, round.progress, round.otherClasses);
        }
    }

    /**
     * The root's decision with the owner lock taken before it (or by it), so that the transaction the decision returns
     * is still current when {@link #decided} runs a round from it: no other round can run in between. Its lock is
     * null when another process holds it (or the store cannot say): the root then runs no round.
     */
    OwnerLock.RootDecision forDecision(String xid) {
        return ownerLock.forDecision(xid, log);
    }

    void release(OwnerLock.Held held) {
        if (held != null) {
            held.release();
        }
    }

    /**
     * The root's round, right after its decision, with the very instance and argument objects its tries got; then the
     * lock is released, and only then are the other services woken (woken earlier, they would find the lock busy and
     * skip).
     *
     * @param held    from {@link #forDecision}, null when not held: no round (the holder, or the due queue, finishes it)
     * @param decided the transaction as the decision left it, null when unknown: no round (recovery finishes it)
     */
    void decided(OwnerLock.Held held, LoggedTransaction decided, GlobalTransaction local) {
        if (held == null) {
            return;
        }
        Round round = underLock(held, local.xid, () -> Optional.ofNullable(decided), local);
        if (round != null) {
            publish(local.xid, round.otherClasses);
        }
    }

    /**
     * Runs a round from {@code transaction}, then releases the lock.
     *
     * @return null when the log failed: the round paused, and the due queue brings it back
     */
    private Round underLock(OwnerLock.Held held, String xid, Supplier<Optional<LoggedTransaction>> transaction,
                            GlobalTransaction local) {
        RoundLock lock = new RoundLock(held);
        try {
            Optional<LoggedTransaction> shared = transaction.get();
            return shared.isEmpty() ? Round.NOTHING : runOwnBranches(lock, shared.get(), local);
        } catch (TransactionLogException e) {
            Log.warn("phase two of global transaction " + xid + " paused: " + e.getMessage() + "; it is retried from"
                    + " the due queue of " + log.describe());
            return null;
        } finally {
            lock.release();
        }
    }

    /** Wakes the services declaring {@code classes}; a lost message only delays them until the due queue. */
    private void publish(String xid, Set<String> classes) {
        if (classes.isEmpty()) {
            return;
        }
        try {
            wakeups.publish(xid, classes);
        } catch (TransactionLogException e) {
            Log.warn("could not wake the services of global transaction " + xid + " (" + e.getMessage() + "); they"
                    + " find it in the due queue instead");
        }
    }

    /**
     * @param shared the transaction as the log holds it, read or returned under the owner lock
     * @param local  the root's transaction, whose branches registered here keep their instance and argument objects;
     *               null when finishing from the log alone
     */
    private Round runOwnBranches(RoundLock lock, LoggedTransaction shared, GlobalTransaction local) {
        if (shared.phase() == Phase.TRYING || shared.decisionPending() || shared.failure() != null) {
            return Round.NOTHING; // not decided (durably) yet, or FAILED (left to an operator)
        }
        String xid = shared.xid();
        boolean commit = shared.phase() == Phase.COMMITTING;
        List<Branch> own = ownBranches(shared, local);
        Paused before = paused.getOrDefault(xid, Paused.NONE);
        PhaseTwo.Result result = own.isEmpty() ? PhaseTwo.Result.DONE
                : phaseTwo.attempt(xid, shared.origin(), commit, own, before.lastError());
        List<Integer> done = own.stream().filter(b -> !b.pending()).map(b -> b.id).toList();
        Set<String> others = otherClasses(shared);
        if (!done.isEmpty() || (result.outcome() == PhaseTwo.Outcome.DONE && others.isEmpty())) {
            // ends it when nothing is left anywhere; after a round that did all its work nothing else is written
            lock.finishRound(xid, done, result.outcome() == PhaseTwo.Outcome.DONE);
        }
        if (result.outcome() == PhaseTwo.Outcome.FAILED) {
            paused.put(xid, new Paused(before.waits(), result.lastError()));
            long pending = own.stream().filter(Branch::pending).count();
            attemptFailed(shared, (commit ? "confirm" : "cancel") + " of " + pending + " branch(es)", result.lastError());
        } else if (result.outcome() == PhaseTwo.Outcome.WAITING) {
            // waiting spends no attempt, but it lengthens the pause as attempts do
            int waits = before.waits() + 1;
            paused.put(xid, new Paused(waits, result.lastError()));
            dueAt(xid, System.currentTimeMillis() + backoff.pauseMillis(shared.attempts() + waits));
        } else {
            paused.remove(xid);
        }
        long finished = shared.branches().stream().filter(b -> b.state() == BranchState.DONE).count();
        return new Round(result.outcome(), others, own.size(),
                new UnattendedBranches.Progress(shared.attempts(), finished));
    }

    /** The branches of {@code shared} this process runs, still to do, as {@link PhaseTwo} takes them. */
    private List<Branch> ownBranches(LoggedTransaction shared, GlobalTransaction local) {
        return shared.branches().stream()
                .filter(branch -> branch.state() != BranchState.DONE && declared.declares(branch.participant()))
                .map(branch -> Branch.of(branch, local == null ? null : local.branch(branch.id())))
                .toList();
    }

    private Set<String> otherClasses(LoggedTransaction shared) {
        Set<String> classes = new TreeSet<>();
        shared.branches().stream()
                .filter(b -> b.state() != BranchState.DONE && !declared.declares(b.participant()))
                .forEach(b -> classes.add(b.participant().className()));
        return classes;
    }

    /** @param what the work that failed, for the message */
    private void attemptFailed(LoggedTransaction shared, String what, String lastError) {
        String xid = shared.xid();
        int attempts = log.attemptFailed(xid);
        if (attempts < maxAttempts) {
            dueAt(xid, System.currentTimeMillis() + backoff.pauseMillis(attempts));
            return;
        }
        paused.remove(xid);
        log.fail(xid, lastError);
        Log.error("global transaction " + xid + " (" + shared.origin() + ") FAILED: " + what + " of this service"
                + " still failed after " + attempts + " attempt(s); last error: " + lastError + ". It stays in "
                + log.describe() + " and in JMX dev.weft:type=Transactions" + (log.sharedByProcesses()
                ? " of every instance" : "") + "; fix the cause and call retry(\"" + xid + "\"), or forget(\"" + xid
                + "\") once it was resolved by hand");
    }

    /**
     * The owner lock of one round, released once: with the round's last write to the log when that is the end of
     * the round ({@link OwnerLock.Held#finishRoundAndRelease}), else when the round is over.
     */
    private final class RoundLock {
        private final OwnerLock.Held held;
        private boolean released;

        RoundLock(OwnerLock.Held held) {
            this.held = held;
        }

        /** @param last whether nothing else of the round is written after it */
        void finishRound(String xid, List<Integer> done, boolean last) {
            if (!last) {
                log.finishRound(xid, done);
                return;
            }
            released = true;
            held.finishRoundAndRelease(log, xid, done);
        }

        void release() {
            if (!released) {
                released = true;
                held.release();
            }
        }
    }

    /**
     * @param waits     rounds that waited for a class or an instance
     * @param lastError warned about once, not at every round
     */
    private record Paused(int waits, String lastError) {
        static final Paused NONE = new Paused(0, null);
    }

    /**
     * @param ownBranches how many unfinished branches of the transaction this process ran
     * @param progress    where the transaction stood when the round read it
     */
    private record Round(PhaseTwo.Outcome outcome, Set<String> otherClasses, int ownBranches,
                         UnattendedBranches.Progress progress) {
        static final Round NOTHING = new Round(PhaseTwo.Outcome.DONE, Set.of(), 0, null);
    }
}
