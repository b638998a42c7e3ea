package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.BranchState;
import java.time.Duration;

/** What the woven sites ask of a global transaction ({@link Coordinator}). */
interface Coordination {
    /**
     * A global method is entered on a thread with no transaction.
     *
     * @throws dev.weft.api.WeftBackendException when no transaction can begin now: the global method does not run
     */
    GlobalTransaction begin(String origin, Duration timeout);

    /**
     * Makes the branch durable; only then may its try run. The deadline was checked, and the arguments encoded.
     *
     * @param json the arguments as the log keeps them
     * @throws dev.weft.api.TransactionTimeoutException when the log says it is rolled back already; the try does not run
     * @throws dev.weft.api.WeftBackendException when the log cannot record it; the try does not run
     */
    Branch register(GlobalTransaction transaction, Participant participant, Object instance, Object[] arguments,
                    String json);

    /**
     * The try's body is over.
     *
     * @param end {@code RETURNED}: it returned and the barrier (if on) did not say otherwise; {@code FAILED}: it threw,
     *            or the barrier refused it or rolled its work back
     * @throws dev.weft.api.WeftBackendException only where the caller must learn that its returned try will be
     *     cancelled (a joined request's try that the log could not record as returned)
     */
    void tryEnded(GlobalTransaction transaction, Branch branch, BranchState end);

    /**
     * The outermost global method returned ({@code thrown} null) or threw: decide, then confirm or cancel.
     *
     * @throws dev.weft.api.TransactionTimeoutException it returned past its deadline: the branches were cancelled
     * @throws dev.weft.api.WeftBackendException it returned but did not commit (see the implementations)
     */
    void complete(GlobalTransaction transaction, Throwable thrown);
}
