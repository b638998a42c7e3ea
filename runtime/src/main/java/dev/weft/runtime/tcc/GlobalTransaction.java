package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A global transaction on the thread that runs its global method (the root) or serves a request that joined it, from
 * its begin to its decision. Where it stands afterwards, and how each of its tries ended, is the log's to say
 * ({@link dev.weft.runtime.txlog.TransactionLog}); this object keeps only what the threads need until then, and
 * changes only through its own methods, called by {@link Coordinator} (and {@link #rollbackOnly} by a try's site).
 *
 * <p>Branches are added by the root's thread and by the threads it handed work to ({@link HandedOffTries}), one at a
 * time: the coordinator registers under the transaction's monitor. The decision comes after they have all ended.
 */
final class GlobalTransaction {
    final String xid;
    /** The global method that began it, for people reading logs and JMX. */
    final String origin;
    final long startedAt;
    /** Epoch millis: a try entered later is refused, and a global method returning later rolls back. */
    final long deadline;
    /**
     * Begun by another service's root and bound to the thread serving its request (shared log only): its branches
     * register here, but it is decided and finished elsewhere.
     */
    final boolean joined;
    /** Registered here, with the instance and argument objects their tries got, for the root's round of phase two. */
    private final List<Branch> branches = new CopyOnWriteArrayList<>();
    /** Tries on threads the global method handed work to: the decision waits for them. */
    final HandedOffTries handedOffTries;
    /** It is in the log (written with the first branch or outgoing request). */
    private volatile boolean begun;
    /**
     * Root only: the branches whose try returned here and that the log does not have as returned yet; the root's next
     * register or its decision carries them. Guarded by the transaction's monitor: the threads the root handed work
     * to add to it too.
     */
    private final List<Integer> returnedUnreported = new ArrayList<>();
    /** Why it must not commit even if its global method returns (a try the barrier refused), or null. */
    private volatile String rollbackOnly;

    private GlobalTransaction(String xid, String origin, long startedAt, long deadline, boolean joined) {
        this.xid = xid;
        this.origin = origin;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.joined = joined;
        this.begun = joined; // the root recorded it before sending the request
        // created on the thread that runs its global method, which a joined request's is not
        this.handedOffTries = new HandedOffTries(joined ? null : Thread.currentThread());
    }

    /** A global method entered here. */
    static GlobalTransaction root(String xid, String origin, long startedAt, long deadline) {
        return new GlobalTransaction(xid, origin, startedAt, deadline, false);
    }

    /** @param deadline as the root sent it (epoch millis) */
    static GlobalTransaction joined(String xid, long deadline) {
        return new GlobalTransaction(xid, "joined from another service", System.currentTimeMillis(), deadline, true);
    }

    boolean begun() {
        return begun;
    }

    /** The log has it: written, or found there (decided) by a register. */
    void recorded() {
        begun = true;
    }

    LogRecord.Begin beginRecord() {
        return new LogRecord.Begin(xid, startedAt, deadline, origin);
    }

    /** What the next call to the log carries: the begin until it is recorded, and the tries returned since. */
    synchronized Carried carried() {
        return new Carried(begun ? null : beginRecord(), returnedUnreported);
    }

    /** The root's returned tries not written yet, which its decision carries. */
    synchronized List<Integer> returnedUnreported() {
        return List.copyOf(returnedUnreported);
    }

    /** A register carrying {@link #carried} succeeded. */
    synchronized void registered(Branch branch) {
        begun = true;
        returnedUnreported.clear();
        branches.add(branch);
    }

    /** A try returned on the root's thread: its next call to the log says so. */
    synchronized void returnedHere(Branch branch) {
        returnedUnreported.add(branch.id);
    }

    /** The branch registered here with this id, or null (another service's, or registered by another instance). */
    Branch branch(int id) {
        return branches.stream().filter(b -> b.id == id).findFirst().orElse(null);
    }

    int branchCount() {
        return branches.size();
    }

    void rollbackOnly(String reason) {
        if (rollbackOnly == null) {
            rollbackOnly = reason;
        }
    }

    String rollbackOnly() {
        return rollbackOnly;
    }
}
