package dev.weft.runtime.txlog;

/** How a try ended, as told to {@link TransactionLog#tryEnded}. */
public enum TryEnd {
    /** Returned normally: {@link BranchState#RETURNED}, if the transaction is still undecided. */
    RETURNED,
    /** Threw with {@code jdbc.barrier} on: {@link BranchState#FAILED}, to be cancelled. */
    FAILED_TO_CANCEL,
    /** Threw without the barrier: it undid its own work, {@link BranchState#DONE}. */
    FAILED_UNDONE
}
