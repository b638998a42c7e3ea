package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Writes a phase's barrier rows and reads the decision from the update counts, the way DTM's sub-transaction
 * barrier does: insert-only under the primary key, so concurrent phases of one branch are ordered by the key alone.
 *
 * <ul>
 *   <li>try: insert {@code (TRY, written by TRY)}. Inserted: run. Already there: refused when a cancel wrote it (the
 *       tombstone), otherwise already done.</li>
 *   <li>confirm: insert {@code (CONFIRM)}. Inserted: run; already there: already done.</li>
 *   <li>cancel: insert the tombstone {@code (TRY, written by CANCEL)}, then {@code (CANCEL)}. The cancel row already
 *       there: already done. The tombstone inserted: the try never ran, an empty rollback. Otherwise: run.</li>
 * </ul>
 * A concurrent try and cancel meet on the TRY row: the second waits for the first's transaction, then sees its row.
 * H2 instead may report the key that another, still open, transaction has just inserted as a duplicate at once, or
 * give up waiting after its lock timeout; either is turned into a retryable {@link BarrierException}, never read as
 * "already there", since that transaction may still roll back.
 */
final class BarrierRows {
    private static final String DUPLICATE_KEY = "23505";
    /** H2's "timeout trying to lock table", after waiting for the transaction that holds the row. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private final LongSupplier clock;

    BarrierRows(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * @param fresh the transaction was begun by Weft just now (the connection was in auto-commit mode), so it holds
     *              nothing but what this call writes
     */
    PhaseOutcome decide(BarrierKey key, Dialect dialect, Connection connection, boolean fresh) throws SQLException {
        return switch (key.phase()) {
            case TRY -> tryPhase(key, dialect, connection);
            case CONFIRM -> insert(key, BranchPhase.CONFIRM, dialect, connection) ? PhaseOutcome.APPLIED
                    : PhaseOutcome.ALREADY_DONE;
            case CANCEL -> cancel(key, dialect, connection, fresh);
        };
    }

    /** Whether the connection's current transaction has written anything yet. */
    static boolean holdsWrites(Dialect dialect, Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(dialect.holdsWrites());
             ResultSet result = query.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private PhaseOutcome tryPhase(BarrierKey key, Dialect dialect, Connection connection) throws SQLException {
        if (insert(key, BranchPhase.TRY, dialect, connection)) {
            return PhaseOutcome.APPLIED;
        }
        String writtenBy = writtenBy(key, connection);
        // a row that cannot be read back is treated as the tombstone: a try must never run when in doubt
        return BranchPhase.TRY.name().equals(writtenBy) ? PhaseOutcome.ALREADY_DONE : PhaseOutcome.REFUSED;
    }

    private PhaseOutcome cancel(BarrierKey key, Dialect dialect, Connection connection, boolean fresh)
            throws SQLException {
        BarrierKey tryRow = key.with(BranchPhase.TRY);
        if (!fresh && holdsWrites(dialect, connection) && writtenBy(tryRow, connection) == null) {
            // An empty rollback commits its tombstone at once (the application rolls back after the skip), and that
            // commit would take the application's other uncommitted work with it.
            throw new BarrierException(key + " finds no try, so it would be an empty rollback, which commits at"
                    + " once; but its transaction already holds other work. Run the cancel in a transaction of its"
                    + " own; nothing was written, so it can simply be retried");
        }
        boolean tombstone = insert(tryRow, BranchPhase.CANCEL, dialect, connection);
        if (!insert(key, BranchPhase.CANCEL, dialect, connection)) {
            return PhaseOutcome.ALREADY_DONE;
        }
        return tombstone ? PhaseOutcome.EMPTY_ROLLBACK : PhaseOutcome.APPLIED;
    }

    /** @return whether the row was inserted ({@code false}: it was already there) */
    private boolean insert(BarrierKey row, BranchPhase writtenBy, Dialect dialect, Connection connection)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(dialect.insert())) {
            insert.setString(1, row.xid());
            insert.setLong(2, row.branchId());
            insert.setString(3, row.phase().name());
            insert.setString(4, writtenBy.name());
            insert.setLong(5, clock.getAsLong());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2
                    && (DUPLICATE_KEY.equals(e.getSQLState()) || e.getErrorCode() == H2_LOCK_TIMEOUT)) {
                // Not "already there": the other transaction may still roll back. Only a retry can tell.
                throw new BarrierException(row + " is being written by a concurrent transaction; retry this phase"
                        + " (nothing of it ran)", BarrierException.BUSY, e);
            }
            throw e;
        }
    }

    private static String writtenBy(BarrierKey row, Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(Dialect.Sql.WRITTEN_BY)) {
            query.setString(1, row.xid());
            query.setLong(2, row.branchId());
            query.setString(3, row.phase().name());
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
