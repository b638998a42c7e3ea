package dev.weft.runtime.txlog;

import java.util.List;
import java.util.Optional;

/**
 * Where global transactions are recorded so that they can be finished after a crash (docs/tcc.md,
 * docs/distributed-tcc.md). {@code transactions.log.type} picks the implementation: {@code file}
 * ({@link FileTransactionLog}, the default), {@code redis} or {@code jdbc}.
 *
 * <p>Every implementation holds the current state of each open transaction and changes it with compare-and-set
 * operations: a branch registers only while its transaction is {@code TRYING}, and the change from {@code TRYING} to
 * a decision happens once, whoever asks first (the root committing, or recovery rolling back a transaction past its
 * deadline). Every one keeps a due queue that recovery claims from. What differs is one capability,
 * {@link #sharedByProcesses}: a Redis or JDBC log is shared by every instance of every service, so that branches can
 * live in other processes than the global method and any live instance can finish what a dead one left; the file
 * log has one member, the process that holds its directory.
 *
 * <p>Every method is one atomic operation on the store, durable as far as the store is configured to be when it
 * returns (a file: fsync; Redis: its AOF setting; a database: its commit). Every method throws
 * {@link TransactionLogException} when the store cannot be reached or does not answer in time; the operation may then
 * have happened or not.
 */
public interface TransactionLog extends AutoCloseable {
    /**
     * Whether other processes use the same log. When they do, branches may belong to other services (phase two runs
     * where each one's participant is declared, woken over Redis, one process at a time under an owner lock in Redis),
     * and a transaction rides on HTTP calls. When they do not, every branch is this process's, and a transaction whose
     * global method still runs here is never rolled back under it.
     */
    boolean sharedByProcesses();

    /**
     * The owner locks of phase two, when this log keeps them itself (the Redis log); empty when it keeps none, and a
     * shared log's then are Weft's own Redis locks.
     */
    default Optional<OwnerLocks> ownerLocks() {
        return Optional.empty();
    }

    /**
     * @throws TransactionLogException saying why, when the log knows it cannot take writes now (a file log after a
     *     write error, until it could start a new segment); a remote store is only known to be down once asked
     */
    default void checkWritable() {
    }

    /**
     * Records the transaction as {@code TRYING}, due for rollback at its deadline; nothing when it exists already. Only
     * for a root whose first write is an outgoing request: its first branch carries the begin instead
     * ({@link Carried#begin}).
     */
    void begin(LogRecord.Begin begin);

    /**
     * Adds a branch whose try is about to run, in one atomic step:
     * <ol>
     * <li>when {@code carried.begin()} is not null and the transaction is not in the log, records it as {@link #begin}
     *     does (an existing transaction is left as it is, whatever its phase);</li>
     * <li>when the transaction is then not {@code TRYING} (decided, or not in the log), changes nothing and
     *     throws;</li>
     * <li>marks each branch of {@code carried.returned()} that is still {@link BranchState#TRYING} as
     *     {@link BranchState#RETURNED};</li>
     * <li>adds the branch, in state {@link BranchState#TRYING}.</li>
     * </ol>
     *
     * @return the branch id: 0, 1, 2, ... in the order of registration, unique within the transaction across processes
     * @throws NotTryingException when the transaction is decided, or not in the log: the try must not run
     */
    int register(String xid, ParticipantId participant, String arguments, Carried carried);

    /**
     * How a branch's try ended, on its own: a joined service's tries (before its request returns, since its caller
     * counts on them), and tries that threw. {@link BranchState#RETURNED} is recorded only while the transaction is still
     * {@code TRYING} and the branch {@code TRYING}: a try that returned after the decision stays {@code TRYING} and is
     * cancelled. The others are recorded unless the branch is already {@link BranchState#DONE} (final).
     *
     * @param end {@code RETURNED}; {@code FAILED}, a try that threw with {@code jdbc.barrier} on (it may have
     *            committed work, so it is cancelled whatever the decision); or {@code DONE}, one that threw without
     *            the barrier (it undid its own work)
     * @return false when a {@code RETURNED} came too late (or the transaction is gone)
     */
    boolean tryEnded(String xid, int branchId, BranchState end);

    /**
     * In one atomic step: when the transaction is {@code TRYING}, marks each branch of {@code returned} that is still
     * {@link BranchState#TRYING} as {@link BranchState#RETURNED}, then sets the phase to {@code COMMITTING} or
     * {@code ROLLING_BACK} and makes the transaction due at once (for phase two). When it is decided already, changes
     * nothing ({@code returned} included).
     *
     * @return the transaction after the call, branches included: in the phase asked for, or in the one another process
     *     set first; empty when the transaction is not in the log (never begun, or already ended). A rollback a file
     *     log could not make durable yet is returned {@linkplain LoggedTransaction#decisionPending pending}
     */
    Optional<LoggedTransaction> decide(String xid, boolean commit, List<Integer> returned);

    /** The transaction as the log holds it now; empty when it is not there. */
    Optional<LoggedTransaction> load(String xid);

    /**
     * The end of a round of phase two, in one atomic step: marks each branch of {@code done} (whose confirm or cancel
     * returned, or that needed none) {@link BranchState#DONE}, then, when the transaction is decided and no branch of
     * it is left but {@code DONE}, removes it.
     *
     * @return true when the transaction is gone (now or before)
     */
    boolean finishRound(String xid, List<Integer> done);

    /**
     * Claims transactions whose due time has passed: each one returned is made due again {@code claimMillis} later, so
     * that other instances scanning meanwhile leave it alone. A FAILED transaction is never due.
     */
    List<String> claimDue(long nowMillis, long claimMillis, int limit);

    /** When the transaction is next due (phase two retried with backoff); replaces the current due time. */
    void dueAt(String xid, long atMillis);

    /** Counts a failed attempt of phase two and returns the count so far. */
    int attemptFailed(String xid);

    /** Phase two gave up: FAILED, never due, kept for an operator until {@link #retry} or {@link #forget}. */
    void fail(String xid, String reason);

    /** Clears FAILED and the attempt count, and makes the transaction due now; false when it is not FAILED. */
    boolean retry(String xid);

    /** Removes a FAILED transaction without phase two (an operator resolved it by hand); false when it is not FAILED. */
    boolean forget(String xid);

    /** Open transactions, oldest first, at most {@code limit}: for JMX and {@code weft status}. */
    List<LoggedTransaction> open(int limit);

    /** Where the log is, for messages (never a password). */
    String describe();

    @Override
    void close();
}
