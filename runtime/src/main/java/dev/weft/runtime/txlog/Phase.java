package dev.weft.runtime.txlog;

/** Where an unfinished global transaction stands, as far as its log knows. */
public enum Phase {
    /** Begun, no decision yet: branches may still be registering. */
    TRYING,
    /** Decided to commit: every branch is to be confirmed. */
    COMMITTING,
    /** Decided to roll back: every branch not yet done is to be cancelled. */
    ROLLING_BACK
}
