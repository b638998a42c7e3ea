package dev.weft.runtime.jmx;

/**
 * One global transaction, as {@code weft status} shows it.
 *
 * @param state    as the transaction log names it (e.g. {@code TRYING}, {@code CONFIRMING}, {@code FAILED})
 * @param branches participants registered so far
 * @param detail   the global method, and for a FAILED transaction why it is stuck
 */
public record TransactionView(String xid, String state, long ageMillis, int branches, String detail) {
}
