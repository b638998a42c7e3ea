package dev.weft.runtime.jdbc;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of {@code weft_tcc_barrier}: which phase of which branch of which global transaction.
 *
 * @param xid      the global transaction id; 1 to 128 characters (the column's width: MySQL's {@code INSERT IGNORE}
 *                 would otherwise truncate it silently and make two ids one)
 * @param branchId the branch within the global transaction
 * @param phase    the phase about to run
 */
public record BarrierKey(String xid, long branchId, BranchPhase phase) {
    static final int MAX_XID_LENGTH = 128;

    public BarrierKey {
        Objects.requireNonNull(xid, "xid");
        Objects.requireNonNull(phase, "phase");
        if (xid.isEmpty() || xid.length() > MAX_XID_LENGTH) {
            throw new IllegalArgumentException("a barrier xid has 1 to " + MAX_XID_LENGTH + " characters: " + xid);
        }
    }

    /** The same branch, another phase. */
    BarrierKey with(BranchPhase other) {
        return new BarrierKey(xid, branchId, other);
    }

    @Override
    public String toString() {
        return phase.name().toLowerCase(Locale.ROOT) + " of " + xid + "/" + branchId;
    }
}
