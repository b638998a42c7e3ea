package dev.weft.runtime.jdbc;

/**
 * Which method of a TCC branch runs, whose database work the barrier guards; where a whole transaction stands is
 * {@link dev.weft.runtime.txlog.Phase}.
 */
public enum BranchPhase {
    TRY, CONFIRM, CANCEL
}
