package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads transactions and their branches from the log's tables. */
final class LogRows {
    private static final String TX_COLUMNS = "xid, origin, started_at, deadline, phase, failure, attempts, due_at";
    static final String SELECT_TX = "SELECT " + TX_COLUMNS + " FROM " + LogSchema.TX + " WHERE xid = ?";
    static final String SELECT_OLDEST = "SELECT " + TX_COLUMNS + " FROM " + LogSchema.TX
            + " ORDER BY started_at, xid LIMIT ?";
    private static final String SELECT_BRANCHES = "SELECT branch_id, class_name, try_method, descriptor, confirm_name,"
            + " cancel_name, arguments, state FROM " + LogSchema.BRANCH + " WHERE xid = ? ORDER BY branch_id";

    /** A transaction's own row, before its branches are read. */
    record TxRow(String xid, String origin, long startedAt, long deadline, Phase phase, String failure, int attempts,
                 long dueAt) {
        LoggedTransaction with(List<LoggedBranch> branches) {
            return new LoggedTransaction(xid, origin, startedAt, deadline, phase, failure, attempts, dueAt, branches);
        }
    }

    private LogRows() {
    }

    static TxRow tx(ResultSet row) throws SQLException {
        return new TxRow(row.getString("xid"), row.getString("origin"), row.getLong("started_at"),
                row.getLong("deadline"), Phase.valueOf(row.getString("phase")), row.getString("failure"),
                row.getInt("attempts"), row.getLong("due_at")); // getLong reads a FAILED transaction's null as 0
    }

    static Phase phase(ResultSet row) throws SQLException {
        return Phase.valueOf(row.getString(1));
    }

    static LoggedTransaction withBranches(Connection connection, TxRow tx) throws SQLException {
        return tx.with(Statements.query(connection, SELECT_BRANCHES, LogRows::branch, tx.xid()));
    }

    private static LoggedBranch branch(ResultSet row) throws SQLException {
        ParticipantId participant = new ParticipantId(row.getString("class_name"), row.getString("try_method"),
                row.getString("descriptor"), row.getString("confirm_name"), row.getString("cancel_name"));
        return new LoggedBranch(row.getInt("branch_id"), participant, row.getString("arguments"),
                BranchState.valueOf(row.getString("state")));
    }
}
