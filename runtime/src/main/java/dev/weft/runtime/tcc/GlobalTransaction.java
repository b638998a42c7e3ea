package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A global transaction as this process knows it, from its begin (or its recovery from the log) to its end.
 *
 * <p>Branches are added only by the thread running the global method; phase two runs on that thread first, then
 * only on the recovery thread, so state changes are never concurrent. Fields are volatile for JMX readers.
 */
final class GlobalTransaction {
    final String xid;
    /** The global method that began it, for people reading logs and JMX. */
    final String origin;
    final long startedAt;
    /** Epoch millis: a try entered later is refused, and a global method returning later rolls back. */
    final long deadline;
    final List<Branch> branches = new CopyOnWriteArrayList<>();
    /**
     * Begun by another service's root and bound to the thread serving its request (shared log only): its branches
     * register here, but it is decided and finished elsewhere.
     */
    final boolean joined;
    private volatile Phase phase = Phase.TRYING;
    private volatile boolean failed;
    /** Its global method is still running here: recovery leaves it alone. */
    private volatile boolean running;
    /** Its Begin record is in the log (written with the first branch). */
    boolean begun;
    /**
     * Shared log, root only: the branches whose try returned here and that the log does not have as returned yet; the
     * root's next register or its decision carries them. Only the root's thread touches it.
     */
    final List<Integer> returnedUnreported = new ArrayList<>();
    /** The log holds its current decision; phase two waits for that. */
    volatile boolean decisionDurable;
    volatile int attempts;
    /** Rounds spent waiting for a class or an instance; they lengthen the pause but are not attempts. */
    volatile int waits;
    volatile String lastError;
    /** Why it must not commit even if its global method returns (a try the barrier refused), or null. */
    private volatile String rollbackOnly;

    GlobalTransaction(String xid, String origin, long startedAt, long deadline, boolean running) {
        this(xid, origin, startedAt, deadline, running, false);
    }

    private GlobalTransaction(String xid, String origin, long startedAt, long deadline, boolean running,
                              boolean joined) {
        this.joined = joined;
        this.xid = xid;
        this.origin = origin;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.running = running;
    }

    /** @param deadline as the root sent it (epoch millis) */
    static GlobalTransaction joined(String xid, long deadline) {
        GlobalTransaction transaction = new GlobalTransaction(xid, "joined from another service",
                System.currentTimeMillis(), deadline, false, true);
        transaction.begun = true; // the root recorded it before sending the request
        return transaction;
    }

    TransactionStatus status() {
        if (failed) {
            return TransactionStatus.FAILED;
        }
        return switch (phase) {
            case TRYING -> TransactionStatus.TRYING;
            case COMMITTING -> TransactionStatus.COMMITTING;
            case ROLLING_BACK -> TransactionStatus.ROLLING_BACK;
        };
    }

    Phase phase() {
        return phase;
    }

    void decide(boolean commit) {
        phase = commit ? Phase.COMMITTING : Phase.ROLLING_BACK;
    }

    void rollbackOnly(String reason) {
        if (rollbackOnly == null) {
            rollbackOnly = reason;
        }
    }

    String rollbackOnly() {
        return rollbackOnly;
    }

    boolean committing() {
        return phase == Phase.COMMITTING;
    }

    boolean failed() {
        return failed;
    }

    /** FAILED keeps the decision: a retry goes on confirming, or cancelling. */
    void failed(boolean failed) {
        this.failed = failed;
    }

    boolean running() {
        return running;
    }

    void handedOver() {
        running = false;
    }

    int nextBranchId() {
        return branches.size();
    }

    long pendingBranches() {
        return branches.stream().filter(Branch::pending).count();
    }
}
