package dev.weft.runtime.xa;

/**
 * A branch of this node's XA transactions that a database holds prepared: in doubt until recovery (or an operator)
 * commits or rolls it back. Holds its row locks until then.
 *
 * @param xid      as {@code formatId:globalId:branchId}, the ids in hex
 * @param database the URL and user it was recorded with
 */
public record InDoubt(String xid, String database) {
}
