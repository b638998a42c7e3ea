package dev.weft.runtime.jdbc;

/** The phase of a TCC branch whose database work the barrier guards. */
public enum Phase {
    TRY, CONFIRM, CANCEL
}
