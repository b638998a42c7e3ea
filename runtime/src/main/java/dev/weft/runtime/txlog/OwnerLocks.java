package dev.weft.runtime.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The owner locks of phase two (docs/distributed-tcc.md, step 5) kept by a log among its own records, so that the
 * root's decision takes one and a round's last write frees it in the same call: two round trips fewer per transaction
 * than a lock kept apart from the log. A lock is held by an owner, a string unique to one hold, until it is freed or its
 * lease runs out; its holder renews it while it works.
 *
 * <p>Every method is one atomic operation on the store and may throw {@link TransactionLogException}, as those of
 * {@link TransactionLog} do: the operation may then have happened or not.
 */
public interface OwnerLocks {
    /** @return whether {@code owner} holds the lock of {@code xid} now: it was free, or {@code owner}'s already */
    boolean tryLock(String xid, String owner, Duration lease);

    /** @return false when {@code owner} no longer holds it (its lease ran out): it is then not taken again */
    boolean renew(String xid, String owner, Duration lease);

    /** Frees the lock when {@code owner} holds it; a lock another owner took since is left alone. */
    void release(String xid, String owner);

    /**
     * {@link TransactionLog#decide}, and, in the same atomic step and whatever the decision, {@link #tryLock} when the
     * transaction is in the log.
     *
     * @param transaction as {@link TransactionLog#decide} returns it
     * @param locked      whether {@code owner} holds the lock now; false when the transaction is not in the log
     */
    record Decided(Optional<LoggedTransaction> transaction, boolean locked) {
    }

    Decided decide(String xid, boolean commit, List<Integer> returned, String owner, Duration lease);

    /** {@link TransactionLog#finishRound}, and {@link #release} in the same atomic step. */
    boolean finishRound(String xid, List<Integer> done, String owner);

    /** The store's key of the lock of {@code xid}, for messages. */
    String keyOf(String xid);
}
