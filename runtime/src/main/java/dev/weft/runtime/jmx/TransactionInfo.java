package dev.weft.runtime.jmx;

import javax.management.ConstructorParameters;

/** One open global transaction, as JMX shows it (a CompositeData row in JConsole). */
public final class TransactionInfo {
    private final String xid;
    private final String status;
    private final String origin;
    private final long startedAt;
    private final long deadline;
    private final int branches;
    private final int pendingBranches;
    private final int attempts;
    private final String lastError;

    @ConstructorParameters({"xid", "status", "origin", "startedAt", "deadline", "branches", "pendingBranches",
            "attempts", "lastError"})
    public TransactionInfo(String xid, String status, String origin, long startedAt, long deadline, int branches,
                           int pendingBranches, int attempts, String lastError) {
        this.xid = xid;
        this.status = status;
        this.origin = origin;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.branches = branches;
        this.pendingBranches = pendingBranches;
        this.attempts = attempts;
        this.lastError = lastError;
    }

    public String getXid() {
        return xid;
    }

    /** TRYING, COMMITTING, ROLLING_BACK or FAILED. */
    public String getStatus() {
        return status;
    }

    /** The global method that began it, {@code Class#method}. */
    public String getOrigin() {
        return origin;
    }

    /** Epoch milliseconds. */
    public long getStartedAt() {
        return startedAt;
    }

    /** Epoch milliseconds; undecided after this, it rolls back. */
    public long getDeadline() {
        return deadline;
    }

    public int getBranches() {
        return branches;
    }

    /** Branches still to be confirmed or cancelled. */
    public int getPendingBranches() {
        return pendingBranches;
    }

    /** Failed attempts of phase two so far. */
    public int getAttempts() {
        return attempts;
    }

    /** Why the last attempt failed, or what phase two waits for; null if nothing went wrong. */
    public String getLastError() {
        return lastError;
    }
}
