package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A method's JDBC work and Weft's rows commit or roll back together, on real H2 and PostgreSQL databases, with the
 * hooks called as woven code calls them ({@link Woven}). "Weft's row" here is {@code t.n = 100}, written by the
 * scope's {@link TransactionWork#beforeCommit}.
 */
class WorkScopeTest {
    private static final RuntimeException METHOD_FAILED = new IllegalStateException("the method failed");

    private final Woven jdbc = Woven.followingWork();
    private final Row row = new Row();

    /** Writes row 100 and remembers what it was told. */
    static final class Row implements TransactionWork {
        final List<String> told = new ArrayList<>();
        Database database;
        SQLException failure;

        @Override
        public void beforeCommit(Connection connection, Database database) throws SQLException {
            this.database = database;
            if (failure != null) {
                throw failure;
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO t VALUES (100)");
            }
            told.add("beforeCommit");
        }

        @Override
        public void committed() {
            told.add("committed");
        }

        @Override
        public void rolledBack() {
            told.add("rolledBack");
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void inAutoCommitTheMethodsRowsAndWeftsCommitTogether(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            jdbc.update(c, "INSERT INTO t VALUES (2)");
            assertEquals(List.of(), db.values(), "one transaction, open until the method returns");

            assertEquals(WorkOutcome.COMMITTED, WorkScope.end(null));
            assertTrue(c.getAutoCommit(), "auto-commit is on again");
        }
        assertEquals(List.of(1, 2, 100), db.values());
        assertEquals(List.of("beforeCommit", "committed"), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void inAutoCommitAMethodThatThrowsLeavesNothing(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");

            assertEquals(WorkOutcome.ROLLED_BACK, WorkScope.end(METHOD_FAILED));
            assertTrue(c.getAutoCommit());
        }
        assertEquals(List.of(), db.values(), "neither the method's row nor Weft's");
        assertEquals(List.of("rolledBack"), row.told);
    }

    /** The control: without the scope, an auto-commit method that throws after its statement leaves its row. */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void withoutAScopeTheRowOfAMethodThatThrowsStays(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            assertThrows(IllegalStateException.class, () -> {
                jdbc.update(c, "INSERT INTO t VALUES (1)");
                throw METHOD_FAILED;
            });
        }
        assertEquals(List.of(1), db.values(), "the message for it would be lost or sent for a failed call");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void anApplicationTransactionIsPendingUntilTheApplicationCommits(RealDatabase kind) throws Exception {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");

            assertEquals(WorkOutcome.PENDING, WorkScope.end(null));
            assertEquals(List.of("beforeCommit"), row.told);
            assertEquals(List.of(), db.values());

            // as a transaction manager may: the commit on another thread than the method's
            CompletableFuture.runAsync(() -> {
                try {
                    jdbc.commit(c);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).get();
        }
        assertEquals(List.of(1, 100), db.values());
        assertEquals(List.of("beforeCommit", "committed"), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void anApplicationRollbackAfterTheMethodTellsRolledBack(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            assertEquals(WorkOutcome.PENDING, WorkScope.end(null));

            jdbc.rollback(c);
        }
        assertEquals(List.of(), db.values());
        assertEquals(List.of("beforeCommit", "rolledBack"), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aCommitInsideTheMethodTakesWeftsRowWithIt(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            jdbc.commit(c);
            assertEquals(List.of(1, 100), db.values(), "Weft's row went in before that commit");

            assertEquals(WorkOutcome.COMMITTED, WorkScope.end(null));
        }
        assertEquals(List.of("beforeCommit", "committed"), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aFailingBeforeCommitKeepsTheApplicationsCommitFromHappening(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        row.failure = new SQLException("the outbox is full");
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");

            assertEquals(row.failure, assertThrows(SQLException.class, () -> jdbc.commit(c)));
            jdbc.rollback(c);
            assertEquals(WorkOutcome.ROLLED_BACK, WorkScope.end(null));
        }
        assertEquals(List.of(), db.values());
        assertEquals(List.of("rolledBack"), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void inAutoCommitAFailingBeforeCommitFailsTheMethodAndLeavesNothing(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        row.failure = new SQLException("the outbox is full");
        try (Connection c = db.open()) {
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");

            WorkNotRecordedException thrown = assertThrows(WorkNotRecordedException.class, () -> WorkScope.end(null));
            assertEquals(row.failure, thrown.getCause());
            assertTrue(c.getAutoCommit());
        }
        assertEquals(List.of(), db.values());
        assertEquals(List.of("rolledBack"), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aMethodWithoutStatementsHasNoDatabaseWork(RealDatabase kind) {
        WorkScope.begin(row);
        assertEquals(WorkOutcome.NO_DATABASE_WORK, WorkScope.end(null));
        assertEquals(List.of(), row.told);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aScopeCannotBeginInsideABarrierPhase(RealDatabase kind) {
        PhaseScope.begin(new BarrierKey("tx", 1, BranchPhase.TRY));
        try {
            assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class,
                    () -> WorkScope.begin(row)));
        } finally {
            PhaseScope.end();
        }
    }
}
