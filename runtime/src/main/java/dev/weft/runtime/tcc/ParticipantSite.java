package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.weave.Site;

/**
 * A participant's try: inside a global transaction it registers its branch durably before the body runs; outside
 * one the body runs as if no agent were there.
 */
final class ParticipantSite implements Site {
    /** The scope of a call outside any global transaction: nothing to do afterwards. */
    private static final Object OUTSIDE = new Object();

    private final ParticipantId id;
    private final Coordinator coordinator;
    private final Participants participants;
    /** Bound on the first call, when the class is loaded and reflection on it is safe. */
    private volatile Participant participant;
    /** The first call's arguments were read back as their declared types, so the type problems show up at once. */
    private volatile boolean checked;

    ParticipantSite(ParticipantId id, Coordinator coordinator, Participants participants) {
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
        Branch branch = coordinator.register(transaction, bound, !checked, self, arguments);
        checked = true;
        return branch;
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        if (scope instanceof Branch branch && thrown == null) {
            branch.tryReturned();
        }
    }
}
