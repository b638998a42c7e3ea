package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.log.CapturedLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The barrier's rules that the integration tests do not reach, on real H2 and PostgreSQL databases, with the hooks
 * called as woven code calls them ({@link Woven}). The disorders themselves run under the real agent in
 * {@code dev.weft.it.jdbc}.
 */
@ExtendWith(EndPhasesLeftBehind.class)
class BarrierTest {
    private final Woven jdbc = new Woven();

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void outsideAPhaseTheHooksDoNothing(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            assertEquals(1, jdbc.update(c, "INSERT INTO t VALUES (1)"));
        }
        assertEquals(List.of(1), db.values());
        assertFalse(db.hasBarrierTable(), "not even the table was created");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void nestedPhasesStackAndEachWritesItsOwnRow(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            PhaseScope.begin(new BarrierKey("outer", 1, Phase.CONFIRM));
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            PhaseScope.begin(new BarrierKey("inner", 1, Phase.TRY));
            jdbc.update(c, "INSERT INTO t VALUES (2)");
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
            assertEquals(new BarrierKey("outer", 1, Phase.CONFIRM), PhaseScope.current());
            jdbc.update(c, "INSERT INTO t VALUES (3)");
            jdbc.commit(c);
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
        }
        assertNull(PhaseScope.current());
        assertEquals(List.of(1, 2, 3), db.values());
        assertEquals(List.of("CONFIRM by CONFIRM"), db.barrier("outer"));
        assertEquals(List.of("TRY by TRY"), db.barrier("inner"));
    }

    @Test
    void endWithoutBeginIsAMistakeOfTheCaller() {
        assertThrows(IllegalStateException.class, PhaseScope::end);
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aPhaseWithoutStatementsNeverInvolvesTheBarrier(RealDatabase kind) {
        PhaseScope.begin(new BarrierKey("idle", 1, Phase.TRY));
        assertEquals(PhaseOutcome.NO_DATABASE_WORK, PhaseScope.end());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aMissingTableIsNotCreatedWhenThatIsNotAllowed(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        Woven strict = new Woven(Duration.ofDays(1), false, System::currentTimeMillis);
        try (Connection c = db.open()) {
            PhaseScope.begin(new BarrierKey("x", 1, Phase.TRY));
            BarrierException e = assertThrows(BarrierException.class, () -> strict.update(c, "INSERT INTO t VALUES (1)"));
            assertTrue(e.getMessage().contains("CREATE TABLE IF NOT EXISTS weft_tcc_barrier"), e.getMessage());
            assertEquals(PhaseOutcome.ROLLED_BACK, PhaseScope.end());
        }
        assertEquals(List.of(), db.values());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void anEmptyRollbackIsRefusedInsideATransactionThatHoldsOtherWork(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        phaseInAutoCommit(db, new BarrierKey("setup", 1, Phase.CONFIRM)); // creates the table
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            jdbc.update(c, "INSERT INTO t VALUES (1)"); // the application's own work, before the phase
            PhaseScope.begin(new BarrierKey("x", 1, Phase.CANCEL));
            BarrierException e = assertThrows(BarrierException.class, () -> jdbc.update(c, "INSERT INTO t VALUES (2)"));
            assertTrue(e.getMessage().contains("already holds other work"), e.getMessage());
            assertEquals(PhaseOutcome.ROLLED_BACK, PhaseScope.end());
            jdbc.rollback(c);
        }
        assertEquals(List.of(), db.barrier("x"), "nothing written, so the cancel can simply run again");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aCancelWithItsTryInsideATransactionThatHoldsOtherWorkRuns(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        phaseInAutoCommit(db, new BarrierKey("x", 1, Phase.TRY));
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            PhaseScope.begin(new BarrierKey("x", 1, Phase.CANCEL));
            jdbc.update(c, "INSERT INTO t VALUES (2)");
            jdbc.commit(c);
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
        }
        assertEquals(List.of(0, 1, 2), db.values());
        assertEquals(List.of("CANCEL by CANCEL", "TRY by TRY"), db.barrier("x"));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void closingAConnectionWithThePhaseTransactionOpenRollsItBack(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        Connection c = db.open();
        c.setAutoCommit(false);
        PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
        jdbc.update(c, "INSERT INTO t VALUES (1)");
        jdbc.close(c);
        assertEquals(PhaseOutcome.ROLLED_BACK, PhaseScope.end());
        assertEquals(List.of(), db.values());
        assertEquals(List.of(), db.barrier("x"));
    }

    /**
     * H2 in {@code AUTO_SERVER} mode, opening its file, starts a TCP server and fills that server's in-memory
     * management database through JDBC, on the thread that opens the connection: inside a phase, those were its
     * first statements, so the barrier row went into the management database, the phase's own work ran unguarded,
     * and when H2 closed the management database the phase was reported rolled back although its work had committed.
     */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void whatADriverRunsWhileOpeningAConnectionIsNotThePhasesWork(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        RealDatabase.Source management = RealDatabase.H2.fresh();
        for (int attempt = 0; attempt < 2; attempt++) { // the second is a replay
            Connection[] internal = new Connection[1];
            PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
            try (Connection c = jdbc.open(() -> {
                internal[0] = management.open();
                jdbc.update(internal[0], "INSERT INTO t VALUES (7)"); // in auto-commit mode
                return db.open();
            })) {
                jdbc.setAutoCommit(c, false);
                try {
                    jdbc.update(c, "INSERT INTO t VALUES (1)");
                    jdbc.commit(c);
                } catch (PhaseSkippedException e) {
                    jdbc.rollback(c);
                }
            }
            internal[0].close(); // the driver closes its own connection, unseen
            assertEquals(attempt == 0 ? PhaseOutcome.APPLIED : PhaseOutcome.ALREADY_DONE, PhaseScope.end());
        }
        assertEquals(List.of(1), db.values());
        assertEquals(List.of("CONFIRM by CONFIRM"), db.barrier("x"));
        assertFalse(management.hasBarrierTable(), "nothing of the barrier in the driver's own database");
    }

    /**
     * The barrier's auto-commit transaction on one connection did not commit, but the phase's work ran on another one
     * and committed: reporting the phase rolled back would have TCC run it again.
     */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aPhaseWhoseWorkCommittedElsewhereIsNotReportedRolledBack(RealDatabase kind) throws SQLException {
        RealDatabase.Source first = kind.fresh();
        RealDatabase.Source second = kind.fresh();
        Connection barrierConnection = first.open();
        PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
        jdbc.update(barrierConnection, "INSERT INTO t VALUES (1)"); // auto-commit: the barrier's transaction
        try (Connection c = second.open()) {
            jdbc.update(c, "INSERT INTO t VALUES (2)"); // unguarded, committed at once
        }
        barrierConnection.close(); // unseen by the barrier: its transaction rolls back
        assertEquals(PhaseOutcome.APPLIED, PhaseScope.end(), "the body decides, as without the barrier");
        assertEquals(List.of(), first.values());
        assertEquals(List.of(2), second.values());
        assertEquals(1, log.errors().size(), String.valueOf(log.errors()));
        assertTrue(log.errors().get(0).startsWith("confirm of x/1: its connection was closed without Weft seeing it,"
                + " so its auto-commit transaction rolled back, but the phase also ran statements"), log.errors().get(0));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void anAutoCommitPhaseWhoseConnectionWasClosedUnseenRolledBack(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        Connection c = db.open();
        PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
        jdbc.update(c, "INSERT INTO t VALUES (1)");
        c.close(); // unseen by the barrier
        assertEquals(PhaseOutcome.ROLLED_BACK, PhaseScope.end());
        assertEquals(List.of(), db.values());
        assertEquals(List.of(), db.barrier("x"));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aPhaseThatRollsBackAndRetriesWritesItsRowAgain(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            jdbc.rollback(c);
            jdbc.update(c, "INSERT INTO t VALUES (2)");
            jdbc.commit(c);
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
        }
        assertEquals(List.of(2), db.values());
        assertEquals(List.of("CONFIRM by CONFIRM"), db.barrier("x"));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void turningAutoCommitBackOnCommitsThePhase(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        try (Connection c = db.open()) {
            PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            jdbc.setAutoCommit(c, false);
            jdbc.update(c, "INSERT INTO t VALUES (2)");
            jdbc.setAutoCommit(c, true);
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
        }
        assertEquals(List.of(1, 2), db.values());
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void expiredRowsAreSweptAtMostOnceAnHour(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        AtomicLong now = new AtomicLong(Duration.ofDays(1).toMillis());
        Woven swept = new Woven(Duration.ofHours(1), true, now::get);
        phaseInAutoCommit(db, swept, new BarrierKey("old", 1, Phase.TRY)); // the first commit sweeps (nothing)
        now.addAndGet(Duration.ofHours(2).toMillis());
        phaseInAutoCommit(db, swept, new BarrierKey("new", 1, Phase.TRY));
        assertEquals(List.of(), db.barrier("old"), "older than the retention");
        assertEquals(List.of("TRY by TRY"), db.barrier("new"));

        try (Connection c = db.open()) {
            jdbc.update(c, "INSERT INTO weft_tcc_barrier VALUES ('ancient', 1, 'TRY', 'TRY', 0)");
        }
        now.addAndGet(Duration.ofMinutes(59).toMillis());
        phaseInAutoCommit(db, swept, new BarrierKey("later", 1, Phase.TRY));
        assertEquals(List.of("TRY by TRY"), db.barrier("ancient"), "no sweep within the hour");
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        phaseInAutoCommit(db, swept, new BarrierKey("last", 1, Phase.TRY));
        assertEquals(List.of(), db.barrier("ancient"));
    }

    /**
     * H2 reports the key a concurrent transaction is inserting as a duplicate, or times out waiting for it; the
     * barrier must not read either as "already done".
     */
    @Test
    void onH2ARowBeingWrittenByAConcurrentPhaseIsARetryableFailure() throws Exception {
        RealDatabase.Source db = RealDatabase.H2.fresh();
        try (Connection first = db.open()) {
            first.setAutoCommit(false);
            PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
            jdbc.update(first, "INSERT INTO t VALUES (1)");
            BarrierException busy = CompletableFuture.supplyAsync(() -> {
                try (Connection second = db.open()) {
                    second.setAutoCommit(false);
                    PhaseScope.begin(new BarrierKey("x", 1, Phase.CONFIRM));
                    try {
                        return assertThrows(BarrierException.class, () -> jdbc.update(second, "INSERT INTO t VALUES (2)"));
                    } finally {
                        assertEquals(PhaseOutcome.ROLLED_BACK, PhaseScope.end());
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).get();
            assertEquals("40001", busy.getSQLState());
            jdbc.commit(first);
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
        }
        assertEquals(List.of(1), db.values());
    }

    private void phaseInAutoCommit(RealDatabase.Source db, BarrierKey key) throws SQLException {
        phaseInAutoCommit(db, jdbc, key);
    }

    /** A phase of one statement in auto-commit mode: it commits at the end of the phase. */
    private static void phaseInAutoCommit(RealDatabase.Source db, Woven woven, BarrierKey key) throws SQLException {
        try (Connection c = db.open()) {
            PhaseScope.begin(key);
            woven.update(c, "INSERT INTO t VALUES (0)");
            assertEquals(PhaseOutcome.APPLIED, PhaseScope.end());
        }
    }
}
