package dev.weft.runtime.tcc;

import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.jdbc.BarrierKey;
import dev.weft.runtime.jdbc.BranchPhase;
import dev.weft.runtime.jdbc.PhaseOutcome;
import dev.weft.runtime.jdbc.PhaseScope;
import dev.weft.runtime.log.Log;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The confirms (in the order the tries ran) or cancels (in reverse) of one round of phase two ({@link Finisher}):
 * every branch still pending. A branch that fails does not stop the others; the round notes the ones done in the log
 * at its end (confirm and cancel are at least once; with {@code jdbc.barrier} their database effect is exactly once).
 *
 * <p>A commit confirms the branches whose try returned and cancels the others (a try that failed with the barrier
 * on, or one the log does not have as returned); a rollback cancels every pending branch.
 */
final class PhaseTwo {
    enum Outcome {
        /** Every branch is done. */
        DONE,
        /** A confirm or cancel threw, or its arguments could not be read: an attempt was spent. */
        FAILED,
        /** A branch's class or instance is not there yet: retry later without spending an attempt. */
        WAITING
    }

    private final Participants participants;
    private final Instances instances;

    PhaseTwo(Participants participants, Instances instances) {
        this.participants = participants;
        this.instances = instances;
    }

    /**
     * @param branches  this process's branches of a decided transaction, in registration order
     * @param lastError of its previous attempt, or null: an error already reported is not warned about again
     * @return how it went, and the last error (null when none)
     */
    Result attempt(String xid, String origin, boolean commit, List<Branch> branches, String lastError) {
        List<Branch> order = new ArrayList<>(branches);
        if (!commit) {
            Collections.reverse(order);
        }
        Attempt attempt = new Attempt(xid, origin, lastError);
        Outcome outcome = Outcome.DONE;
        for (Branch branch : order) {
            if (branch.pending()) {
                Outcome result = complete(attempt, branch, commit);
                if (result.ordinal() > outcome.ordinal()) {
                    outcome = result;
                }
            }
        }
        return new Result(outcome, attempt.lastError);
    }

    /** @param lastError why the last branch that failed or waits did so; null when none did */
    record Result(Outcome outcome, String lastError) {
        static final Result DONE = new Result(Outcome.DONE, null);
    }

    /** One attempt's transaction, for messages: the first failure is a warning, the rest debug. */
    private static final class Attempt {
        final String xid;
        final String origin;
        String lastError;

        Attempt(String xid, String origin, String lastError) {
            this.xid = xid;
            this.origin = origin;
            this.lastError = lastError;
        }
    }

    private Outcome complete(Attempt transaction, Branch branch, boolean commit) {
        boolean confirm = commit && branch.confirmable();
        String phase = confirm ? "confirm" : "cancel";
        Participant participant;
        try {
            participant = participant(branch).orElse(null);
        } catch (RuntimeException e) {
            return failed(transaction, phase + " of " + branch.participantId + " cannot be found: " + e.getMessage());
        }
        if (participant == null) {
            return waiting(transaction, "class " + branch.participantId.className() + " cannot be loaded yet");
        }
        Object instance = participant.isStatic() ? null : instance(branch, participant);
        if (instance == null && !participant.isStatic()) {
            return waiting(transaction, "no instance of " + participant.type().getName() + " yet (none constructed, and"
                    + " it has no usable no-argument constructor)");
        }
        Object[] arguments;
        try {
            arguments = branch.arguments != null ? branch.arguments : participant.codec().decode(branch.argumentsJson);
        } catch (RuntimeException e) {
            return failed(transaction, phase + " of " + participant + " cannot read its arguments: " + e);
        }
        PhaseScope.begin(new BarrierKey(transaction.xid, branch.id, confirm ? BranchPhase.CONFIRM : BranchPhase.CANCEL));
        Throwable thrown = null;
        PhaseOutcome outcome;
        try {
            participant.complete(confirm, instance, arguments);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            thrown = e;
        } finally {
            outcome = PhaseScope.end();
        }
        // The barrier's word over the body's: a skipped phase throws PhaseSkippedException (perhaps wrapped) although
        // it succeeded, and a body may return although its transaction rolled back
        if (outcome == PhaseOutcome.ROLLED_BACK) {
            return failed(transaction, phase + " of " + participant + ": its database transaction rolled back"
                    + (thrown == null ? "" : " (" + thrown + ")"));
        }
        boolean skipped = outcome == PhaseOutcome.ALREADY_DONE || outcome == PhaseOutcome.EMPTY_ROLLBACK;
        if (thrown != null && !skipped) {
            return failed(transaction, phase + " of " + participant + " threw " + thrown);
        }
        branch.done();
        return Outcome.DONE;
    }

    private Optional<Participant> participant(Branch branch) {
        Participant participant = branch.participant;
        if (participant == null) {
            Optional<Participant> found = participants.find(branch.participantId);
            found.ifPresent(p -> branch.participant = p);
            return found;
        }
        return Optional.of(participant);
    }

    /** The instance that ran the try; after a restart, one of that class; null while there is none. */
    private Object instance(Branch branch, Participant participant) {
        return branch.instance != null ? branch.instance : instances.instanceOf(participant.type()).orElse(null);
    }

    private static Outcome failed(Attempt transaction, String error) {
        if (transaction.lastError == null) {
            Log.warn("global transaction " + transaction.xid + " (" + transaction.origin + "): " + error
                    + "; retrying with backoff");
        } else {
            Log.debug("global transaction " + transaction.xid + ": " + error);
        }
        transaction.lastError = error;
        return Outcome.FAILED;
    }

    private static Outcome waiting(Attempt transaction, String reason) {
        if (!reason.equals(transaction.lastError)) {
            Log.warn("global transaction " + transaction.xid + " (" + transaction.origin + ") waits: " + reason
                    + "; retrying later");
        }
        transaction.lastError = reason;
        return Outcome.WAITING;
    }
}
