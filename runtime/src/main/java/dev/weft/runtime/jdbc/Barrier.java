package dev.weft.runtime.jdbc;

import dev.weft.runtime.config.JdbcSettings;
import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * What the JDBC hooks do while a phase is active on the thread: write the barrier row in the transaction of the
 * phase's first statement, stop the phase's statements when the barrier says skip, and follow that transaction
 * (commit, rollback, auto-commit, close) so the outcome reported to TCC is true.
 *
 * <p>Auto-commit: if the phase's first statement finds its connection in auto-commit mode, Weft turns auto-commit
 * off, so the barrier row and the phase's statements form one transaction; it commits when the phase ends, when the
 * connection is closed, or when the application turns auto-commit back on, and then auto-commit is on again. A
 * statement that fails rolls that transaction back at once, barrier row included, and the phase's next statement
 * starts over with a fresh barrier row.
 *
 * <p>The barrier's own statements run {@link Untraced}: no span of them in the application's traces.
 */
final class Barrier {
    private final Databases databases = new Databases();
    private final BarrierTable table;
    private final BarrierRows rows;
    private final Retention retention;

    Barrier(JdbcSettings settings, LongSupplier clock) {
        this.table = new BarrierTable(settings.createTable());
        this.rows = new BarrierRows(clock);
        this.retention = new Retention(settings.retention(), clock);
    }

    /** Before a statement of {@code phase} runs on {@code connection}; throws to keep it from running. */
    void beforeStatement(PhaseState phase, Connection connection) throws SQLException {
        PhaseOutcome decided = phase.decision;
        if (decided != null && decided.skipsWork()) {
            throw new PhaseSkippedException(phase.key(), decided);
        }
        // APPLIED: the barrier's transaction is open (this statement joins it, or runs on another connection) or
        // committed (a later transaction of the phase); neither is guarded again
        if (decided != PhaseOutcome.APPLIED) {
            Untraced.run(() -> {
                write(phase, connection);
                return null;
            });
        } else if (phase.transaction != null && !phase.workElsewhere && !phase.transaction.isOn(connection)) {
            phase.workElsewhere = true;
        }
    }

    /** A statement of the phase threw. */
    void statementFailed(PhaseState phase, Connection connection) {
        LocalTransaction transaction = phase.transaction;
        if (transaction != null && transaction.autoCommitOwned() && transaction.isOn(connection)) {
            phase.transaction = null;
            phase.decision = PhaseOutcome.ROLLED_BACK;
            transaction.abandonOwned();
        }
    }

    void committed(PhaseState phase, Connection connection) {
        LocalTransaction transaction = phase.transaction;
        if (transaction != null && transaction.isOn(connection)) {
            phase.transaction = null;
            if (transaction.autoCommitOwned()) {
                Connections.autoCommitQuietly(transaction.facing());
            }
            retention.afterCommit(transaction.database(), transaction.facing());
        }
    }

    void rolledBack(PhaseState phase, Connection connection) {
        LocalTransaction transaction = phase.transaction;
        if (transaction != null && transaction.isOn(connection)) {
            phase.transaction = null;
            phase.decision = PhaseOutcome.ROLLED_BACK;
            if (transaction.autoCommitOwned()) {
                Connections.autoCommitQuietly(transaction.facing());
            }
        }
    }

    /** After the application called {@code setAutoCommit}, which commits the open transaction when turned on. */
    void autoCommitChanged(PhaseState phase, Connection connection) throws SQLException {
        LocalTransaction transaction = phase.transaction;
        if (transaction == null || !transaction.isOn(connection)) {
            return;
        }
        if (connection.getAutoCommit()) {
            phase.transaction = null;
            retention.afterCommit(transaction.database(), transaction.facing());
        } else {
            phase.transaction = transaction.ownedByApplication();
        }
    }

    /**
     * Before the application closes a connection. The barrier's transaction never ends undecided: in auto-commit
     * mode it commits (as auto-commit would have); otherwise it rolls back, whatever the driver does on close.
     */
    void closing(PhaseState phase, Connection connection) {
        LocalTransaction transaction = phase.transaction;
        if (transaction == null || !transaction.isOn(connection)) {
            return;
        }
        if (transaction.autoCommitOwned()) {
            commitOwned(phase);
        } else {
            phase.transaction = null;
            phase.decision = PhaseOutcome.ROLLED_BACK;
            Connections.rollbackQuietly(transaction.facing());
        }
    }

    /** At {@link PhaseScope#end()}: a transaction Weft opened for an auto-commit connection commits now. */
    void phaseEnded(PhaseState phase) {
        if (phase.transaction.autoCommitOwned()) {
            commitOwned(phase);
        }
    }

    private void commitOwned(PhaseState phase) {
        LocalTransaction transaction = phase.transaction;
        phase.transaction = null;
        String notCommitted = transaction.commitOwned();
        if (notCommitted != null) {
            notCommitted(phase, notCommitted);
            return;
        }
        retention.afterCommit(transaction.database(), transaction.facing());
    }

    /**
     * The barrier's transaction ended without committing when the phase ended. Nothing of the phase happened, unless
     * some of its statements ran on another connection: those were not in that transaction, and may have committed.
     * Reporting {@code ROLLED_BACK} would then have TCC run them again (a confirm or cancel is retried); so the barrier
     * steps back instead, the body's own result decides as it would without the barrier, and the error says so.
     */
    private static void notCommitted(PhaseState phase, String why) {
        if (!phase.workElsewhere) {
            Log.warn(phase.key() + ": " + why + ", so nothing of it happened");
            phase.decision = PhaseOutcome.ROLLED_BACK;
            return;
        }
        Log.error(phase.key() + ": " + why + ", but the phase also ran statements on another connection, outside"
                + " that transaction, which may have committed. The barrier cannot tell whether the phase's work is in"
                + " the database, so it does not report it rolled back (TCC would run it again); the body's own result"
                + " decides, and exactly-once is not guaranteed for this phase. Keep each phase's database work in one"
                + " transaction on one connection (docs/jdbc-barrier.md)");
        phase.decision = PhaseOutcome.APPLIED;
    }

    private void write(PhaseState phase, Connection connection) throws SQLException {
        Connection physical = Connections.physical(connection);
        // Until decided, a failure on the way leaves nothing of the phase behind
        phase.decision = PhaseOutcome.ROLLED_BACK;
        Database database = databases.of(physical, connection);
        boolean autoCommit = connection.getAutoCommit();
        table.ensure(database, connection, autoCommit);
        LocalTransaction transaction = LocalTransaction.follow(physical, connection, database, autoCommit);
        PhaseOutcome outcome;
        try {
            outcome = rows.decide(phase.key(), database.dialect(), connection, autoCommit);
            if (outcome == PhaseOutcome.EMPTY_ROLLBACK) {
                // The rows are the transaction's only work (checked in decide): commit them before the application
                // rolls back on the exception below, or a late try would find no tombstone
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                Connections.rollbackQuietly(connection);
                Connections.autoCommitQuietly(connection);
            }
            throw e;
        }
        phase.decision = outcome;
        if (outcome == PhaseOutcome.APPLIED) {
            phase.transaction = transaction;
            phase.barrier = this;
            return;
        }
        if (autoCommit) {
            Connections.rollbackQuietly(connection); // nothing to undo: the rows were committed or never written
            Connections.autoCommitQuietly(connection);
        }
        throw new PhaseSkippedException(phase.key(), outcome);
    }
}
