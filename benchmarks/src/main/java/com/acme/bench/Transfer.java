package com.acme.bench;

/** The global transaction methods named in the TCC rows' weft.yaml. */
public class Transfer {
    private final EmptyBranches branches = new EmptyBranches();

    /** A global transaction with two empty branches. */
    public void twoBranches(long id) {
        branches.tryFirst(id);
        branches.trySecond(id);
    }

    /** A global transaction with no branch: the baseline the cost per branch is measured against. */
    public void noBranch(long id) {
    }
}
