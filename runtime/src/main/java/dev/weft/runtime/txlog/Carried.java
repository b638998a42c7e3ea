package dev.weft.runtime.txlog;

import java.util.List;

/**
 * What a root's thread writes with its next call to the {@link TransactionLog} instead of in a call of its own:
 * nothing can happen between a try returning on that thread and the thread's next call that would need it earlier,
 * and every call saved is a durable write the caller waits for (docs/distributed-tcc.md, "Who does what").
 *
 * @param begin    the transaction to record first when it is not in the log (the root's first branch); null for none
 * @param returned the ids of the branches whose try returned on this thread since its last call, to mark
 *                 {@link BranchState#RETURNED} (only while the transaction is {@code TRYING})
 */
public record Carried(LogRecord.Begin begin, List<Integer> returned) {
    /** A call that carries nothing. */
    public static final Carried NONE = new Carried(null, List.of());

    public Carried {
        returned = List.copyOf(returned);
    }
}
