package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PhaseScope#suspend()}: Weft's own statements on a thread inside a phase pass the barrier untouched. */
@ExtendWith(EndPhasesLeftBehind.class)
class PhaseSuspensionTest {
    private static final BarrierKey KEY = new BarrierKey("x-suspend", 1, BranchPhase.TRY);
    private final Woven jdbc = new Woven();

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void statementsWhileSuspendedAreOutsideThePhase(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        PhaseScope.begin(KEY);
        try (PhaseScope.Suspension ignored = PhaseScope.suspend(); Connection c = db.open()) {
            assertNull(PhaseScope.current());
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            assertTrue(c.getAutoCommit(), "the barrier did not turn auto-commit off");
            jdbc.close(c);
        }
        assertEquals(KEY, PhaseScope.current(), "the phase is back");
        assertEquals(PhaseOutcome.NO_DATABASE_WORK, PhaseScope.end());
        assertEquals(List.of(1), db.values(), "committed by auto-commit, not held in a phase's transaction");
        assertFalse(db.hasBarrierTable(), "the barrier was never involved");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void controlTheSameStatementsInsideThePhaseAreGuarded(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.fresh();
        PhaseScope.begin(KEY);
        try (Connection c = db.open()) {
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            jdbc.rollback(c);
            jdbc.close(c);
        }
        assertEquals(PhaseOutcome.ROLLED_BACK, PhaseScope.end());
        assertEquals(List.of(), db.values(), "the barrier turned auto-commit off, so the rollback undid the insert");
    }

    @Test
    void nestedPhasesAreAllHiddenAndAllComeBack() {
        PhaseScope.begin(new BarrierKey("outer", 1, BranchPhase.CONFIRM));
        PhaseScope.begin(KEY);
        try (PhaseScope.Suspension ignored = PhaseScope.suspend()) {
            assertNull(PhaseScope.current());
        }
        assertEquals(KEY, PhaseScope.current());
        PhaseScope.end();
        assertEquals(new BarrierKey("outer", 1, BranchPhase.CONFIRM), PhaseScope.current());
    }

    @Test
    void suspendingOutsideAPhaseChangesNothing() {
        try (PhaseScope.Suspension ignored = PhaseScope.suspend()) {
            assertNull(PhaseScope.current());
        }
        assertNull(PhaseScope.current());
    }

    @Test
    void aPhaseBegunWhileSuspendedMustEndFirst() {
        PhaseScope.begin(KEY);
        PhaseScope.Suspension suspension = PhaseScope.suspend();
        PhaseScope.begin(new BarrierKey("inner", 1, BranchPhase.TRY));
        assertThrows(IllegalStateException.class, suspension::close);
        PhaseScope.end();
        suspension.close();
        assertEquals(KEY, PhaseScope.current());
    }

    @Test
    void aSuspensionEndsOnItsOwnThread() {
        PhaseScope.begin(KEY);
        PhaseScope.Suspension suspension = PhaseScope.suspend();
        Throwable elsewhere = CompletableFuture.supplyAsync(() -> assertThrows(IllegalStateException.class,
                suspension::close)).join();
        assertEquals("weft: a PhaseScope suspension must end on the thread that began it", elsewhere.getMessage());
        suspension.close();
        assertEquals(KEY, PhaseScope.current());
    }
}
