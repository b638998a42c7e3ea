package dev.weft.runtime.tcc;

import dev.weft.runtime.jdbc.BarrierKey;
import dev.weft.runtime.jdbc.BranchPhase;
import dev.weft.runtime.jdbc.PhaseOutcome;
import dev.weft.runtime.jdbc.PhaseScope;
import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.weave.Site;

/**
 * A participant's try: inside a global transaction it registers its branch durably before the body runs; outside
 * one the body runs as if no agent were there. The body runs as the branch's TRY phase of the JDBC barrier, which
 * costs nothing when {@code jdbc.barrier} is off.
 */
final class ParticipantSite implements Site {
    /** The scope of a call outside any global transaction: nothing to do afterwards. */
    private static final Object OUTSIDE = new Object();

    private final ParticipantId id;
    private final Coordination coordinator;
    private final Participants participants;
    /** Bound on the first call, when the class is loaded and reflection on it is safe. */
    private volatile Participant participant;
    /** The first call's arguments were read back as their declared types, so the type problems show up at once. */
    private volatile boolean checked;

    ParticipantSite(ParticipantId id, Coordination coordinator, Participants participants) {
        this.id = id;
        this.coordinator = coordinator;
        this.participants = participants;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        GlobalTransaction transaction = CurrentTransaction.get();
        if (transaction == null) {
            return OUTSIDE;
        }
        Participant bound = participant;
        if (bound == null) {
            bound = participants.bind(declaringType, id);
            participant = bound;
        }
        if (System.currentTimeMillis() > transaction.deadline) {
            throw CallerReport.tryPastTimeout(transaction, bound);
        }
        HandedOffTries handedOff = transaction.handedOffTries;
        boolean elsewhere = handedOff.onOtherThread();
        if (elsewhere && !handedOff.admit()) {
            throw CallerReport.tryAfterGlobalMethod(transaction, bound);
        }
        try {
            String json = bound.codec().encode(arguments, !checked);
            Branch branch = coordinator.register(transaction, bound, self, arguments, json);
            checked = true;
            // Only once the branch is durable: a try that the log does not know must leave no barrier row either
            PhaseScope.begin(new BarrierKey(transaction.xid, branch.id, BranchPhase.TRY));
            return new Entered(transaction, branch, elsewhere);
        } catch (RuntimeException | Error e) {
            if (elsewhere) {
                handedOff.ended();
            }
            throw e;
        }
    }

    /**
     * The barrier, not the body, has the last word: a try it refused (its cancel came first) or whose transaction it
     * saw roll back did nothing, even if the body swallowed the exception and returned.
     */
    @Override
    public void exit(Object scope, Throwable thrown) {
        if (scope instanceof Entered entered) {
            try {
                tryEnded(entered, thrown);
            } finally {
                if (entered.elsewhere) {
                    entered.transaction.handedOffTries.ended();
                }
            }
        }
    }

    private void tryEnded(Entered entered, Throwable thrown) {
        PhaseOutcome outcome = PhaseScope.end();
        boolean nothingDone = outcome == PhaseOutcome.REFUSED || outcome == PhaseOutcome.ROLLED_BACK;
        coordinator.tryEnded(entered.transaction, entered.branch,
                thrown == null && !nothingDone ? BranchState.RETURNED : BranchState.FAILED);
        if (thrown == null && nothingDone) {
            entered.transaction.rollbackOnly("the try " + entered.branch.participantId + " returned, but the JDBC"
                    + " barrier reports " + outcome + (outcome == PhaseOutcome.REFUSED
                    ? " (its cancel had already run)" : " (its database work rolled back)"));
        }
    }

    /** @param elsewhere on a thread the global method handed work to: admitted into {@link HandedOffTries} */
    private record Entered(GlobalTransaction transaction, Branch branch, boolean elsewhere) {
    }
}
