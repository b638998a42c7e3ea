package dev.weft.runtime.txlog;

/**
 * A branch could not register: its transaction is decided already (for example rolled back past its deadline by
 * another instance), or it is not in the log at all. The try must not run.
 */
public final class NotTryingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The transaction's phase, or null when the log does not have it. */
    private final transient Phase phase;

    public NotTryingException(String xid, Phase phase) {
        super(phase == null ? "global transaction " + xid + " is not in the shared transaction log (it has ended, or"
                + " its root never recorded it)" : "global transaction " + xid + " is already " + phase
                + "; no branch can join it");
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
