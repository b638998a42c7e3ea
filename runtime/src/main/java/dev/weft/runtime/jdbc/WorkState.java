package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One method call's JDBC work, from {@link WorkScope#begin} to {@link WorkScope#end}: the transaction it follows and
 * what happened to it. The hooks call it only on the scope's thread; {@link PendingWork} takes over an open
 * transaction the application owns once the method has returned.
 */
final class WorkState {
    private static final Databases DATABASES = new Databases();
    private static final String WHO = "the outbox and consumers (messages:)";

    private final TransactionWork work;
    private final WorkState outer;
    /** Above 0 while a hooked call (or Weft's own work) runs: calls made inside it pass untouched, as for phases. */
    int depth;
    /** The connection the outermost hooked call in progress was made on (for its exit). */
    Connection calling;
    private boolean ranStatements;
    /** The followed transaction, until it commits, rolls back or its connection closes. */
    private LocalTransaction transaction;
    /** beforeCommit ran in {@link #transaction}. */
    private boolean recorded;
    /** The followed transaction committed inside the method; committed() has been called. */
    private boolean committed;
    /** Weft could not write or commit its rows when the method closed the connection. */
    private SQLException failure;

    WorkState(TransactionWork work, WorkState outer) {
        this.work = work;
        this.outer = outer;
    }

    WorkState outer() {
        return outer;
    }

    /** Before a hooked call of the method on {@code connection}; throws to keep it from running. */
    void before(JdbcCall call, Connection connection) throws SQLException {
        switch (call) {
            case EXECUTE -> statement(connection);
            case COMMIT, SET_AUTO_COMMIT -> {
                if (follows(connection)) {
                    record();
                }
            }
            case CLOSE -> {
                if (follows(connection)) {
                    closing();
                }
            }
            default -> {
            }
        }
    }

    /** After that call returned ({@code thrown} null) or threw; never throws. */
    void after(JdbcCall call, Connection connection, Throwable thrown) {
        if (!follows(connection)) {
            return;
        }
        switch (call) {
            case EXECUTE -> {
                if (thrown != null && transaction.autoCommitOwned()) {
                    // as auto-commit would have it, the failed statement takes nothing with it but Weft's transaction
                    LocalTransaction failed = forget();
                    failed.abandonOwned();
                }
            }
            case COMMIT -> {
                if (thrown == null) {
                    committedInside();
                }
            }
            case ROLLBACK -> {
                LocalTransaction rolledBack = forget();
                if (rolledBack.autoCommitOwned()) {
                    Connections.autoCommitQuietly(rolledBack.facing());
                }
            }
            case SET_AUTO_COMMIT -> {
                if (thrown == null) {
                    autoCommitChanged();
                }
            }
            default -> {
            }
        }
    }

    private boolean follows(Connection connection) {
        return transaction != null && connection != null && transaction.isOn(connection);
    }

    private void statement(Connection connection) throws SQLException {
        ranStatements = true;
        if (transaction != null || committed || connection == null) {
            return;
        }
        Connection physical = Connections.physical(connection);
        Database database = DATABASES.of(physical, connection, WHO, "this method's statements do not run");
        ConnectionOpeners.recorded().followed(database);
        boolean autoCommit = connection.getAutoCommit();
        depth++;
        try {
            Untraced.run(() -> {
                work.prepare(connection, database);
                return null;
            });
        } finally {
            depth--;
        }
        transaction = LocalTransaction.follow(physical, connection, database, autoCommit);
        depth++;
        try {
            Untraced.run(() -> {
                work.begun(connection, database);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            if (transaction.autoCommitOwned()) {
                forget().abandonOwned();
            }
            throw e;
        } finally {
            depth--;
        }
    }

    /** Writes Weft's rows into the followed transaction, once. */
    private void record() throws SQLException {
        if (recorded) {
            return;
        }
        LocalTransaction into = transaction;
        depth++;
        try {
            Untraced.run(() -> {
                work.beforeCommit(into.facing(), into.database());
                return null;
            });
        } finally {
            depth--;
        }
        recorded = true;
    }

    private LocalTransaction forget() {
        LocalTransaction forgotten = transaction;
        transaction = null;
        recorded = false;
        return forgotten;
    }

    private void committedInside() {
        LocalTransaction done = forget();
        committed = true;
        if (done.autoCommitOwned()) {
            Connections.autoCommitQuietly(done.facing());
        }
        tellCommitted();
    }

    /** {@code setAutoCommit(true)} commits the open transaction; {@code false} makes it the application's. */
    private void autoCommitChanged() {
        boolean autoCommit;
        try {
            autoCommit = transaction.facing().getAutoCommit();
        } catch (SQLException | RuntimeException e) {
            Log.warn("weft: could not tell whether a setAutoCommit call committed the method's transaction: " + e);
            return;
        }
        if (autoCommit) {
            committedInside();
        } else {
            transaction = transaction.ownedByApplication();
        }
    }

    /**
     * The method closes the followed connection. Its transaction never ends undecided: one Weft owns commits, with
     * Weft's rows, as auto-commit would have; one the application owns rolls back, whatever the driver does on close.
     */
    private void closing() {
        if (!transaction.autoCommitOwned()) {
            Connections.rollbackQuietly(forget().facing());
            return;
        }
        try {
            commitOwned();
            committedInside();
        } catch (SQLException e) {
            failure = e;
            forget();
        }
    }

    /** Writes Weft's rows and commits the transaction Weft owns; on failure it is rolled back. */
    private void commitOwned() throws SQLException {
        try {
            record();
        } catch (SQLException | RuntimeException e) {
            transaction.abandonOwned();
            throw e;
        }
        String notCommitted = transaction.commitOwned();
        if (notCommitted != null) {
            throw new SQLException("weft: " + notCommitted + ", with the method's work and Weft's rows");
        }
    }

    WorkOutcome finish(Throwable thrown) {
        depth++;
        try {
            return decide(thrown);
        } finally {
            depth--;
        }
    }

    private WorkOutcome decide(Throwable thrown) {
        if (failure != null) {
            tellRolledBack();
            throw notRecorded(failure);
        }
        if (committed) {
            return WorkOutcome.COMMITTED;
        }
        if (!ranStatements) {
            return WorkOutcome.NO_DATABASE_WORK;
        }
        if (transaction == null || thrown != null && !recorded) {
            if (transaction != null && transaction.autoCommitOwned()) {
                transaction.abandonOwned();
            }
            tellRolledBack();
            return WorkOutcome.ROLLED_BACK;
        }
        if (transaction.autoCommitOwned()) {
            return thrown == null ? commitAtEnd() : rollBackAtEnd();
        }
        if (thrown == null) {
            try {
                record();
            } catch (SQLException | RuntimeException e) {
                tellRolledBack();
                throw notRecorded(e);
            }
        }
        // recorded, in a transaction the application still has open: whatever the method threw, it may commit it
        PendingWork.follow(transaction.physical(), work);
        return WorkOutcome.PENDING;
    }

    private WorkOutcome commitAtEnd() {
        try {
            commitOwned();
        } catch (SQLException | RuntimeException e) {
            tellRolledBack();
            throw notRecorded(e);
        }
        forget();
        tellCommitted();
        return WorkOutcome.COMMITTED;
    }

    private WorkOutcome rollBackAtEnd() {
        forget().abandonOwned();
        tellRolledBack();
        return WorkOutcome.ROLLED_BACK;
    }

    private static WorkNotRecordedException notRecorded(Exception e) {
        if (e instanceof WorkRefusedException refused) {
            return new WorkNotRecordedException(refused.whatToChange(), refused);
        }
        return new WorkNotRecordedException("could not write Weft's row (outbox message or inbox marker) into the"
                + " method's database transaction, or commit it (" + e.getMessage() + "); the method fails so that its"
                + " work is not committed without it. Check the database and the table named above, then call the"
                + " method again", e);
    }

    private void tellCommitted() {
        PendingWork.tell(work::committed, "committed");
    }

    private void tellRolledBack() {
        PendingWork.tell(work::rolledBack, "rolledBack");
    }
}
