package dev.weft.runtime.txlog.jdbc;

import static dev.weft.runtime.txlog.jdbc.LogSchema.BRANCH;

import dev.weft.runtime.txlog.BranchState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Branch states written inside another operation's local transaction, which has locked the transaction's row first
 * (so these are ordered with its decision).
 */
final class BranchWrites {
    private BranchWrites() {
    }

    /** The root's tries that returned since its last call; only a branch still {@code TRYING} changes. */
    static void returned(Connection connection, String xid, List<Integer> ids) throws SQLException {
        for (int id : ids) {
            Statements.update(connection, "UPDATE " + BRANCH + " SET state = ? WHERE xid = ? AND branch_id = ?"
                    + " AND state = ?", BranchState.RETURNED.name(), xid, id, BranchState.TRYING.name());
        }
    }

    static void done(Connection connection, String xid, List<Integer> ids) throws SQLException {
        for (int id : ids) {
            Statements.update(connection, "UPDATE " + BRANCH + " SET state = ? WHERE xid = ? AND branch_id = ?",
                    BranchState.DONE.name(), xid, id);
        }
    }
}
