package dev.weft.it.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules docs/jdbc-barrier.md defines beyond the disorders: a try that fails and its cancel, a try that commits
 * and then throws, a phase in auto-commit mode, and a skip the application swallows. Each with its control.
 */
class BarrierPhaseRulesTest {
    @TempDir
    Path dir;

    /** The try's transaction rolls back with its barrier row, so its cancel is an empty rollback (nothing to undo). */
    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aTryThatRolledBackLeavesNothingForItsCancelToUndo(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = BankJvm.run(setup, barrier, db, "failed-try-then-cancel", dir);
        if (barrier) {
            assertEquals(List.of("TRY ROLLED_BACK IllegalStateException", "CANCEL EMPTY_ROLLBACK PhaseSkippedException",
                    "TRY REFUSED PhaseSkippedException"), lines);
            assertEquals("balance=100 frozen=0 paid=0", db.account());
            assertEquals(List.of(), db.journal());
        } else {
            assertEquals(List.of("CANCEL", "TRY"), db.journal(), "the cancel undid nothing real, the late try ran");
        }
    }

    /** The try's work is committed with its barrier row: its cancel undoes it, exactly once. */
    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aTryThatCommittedThenThrewIsUndoneByItsCancelOnce(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = BankJvm.run(setup, barrier, db, "try-commits-then-throws", dir);
        if (barrier) {
            assertEquals(List.of("TRY APPLIED IllegalStateException", "CANCEL APPLIED ok",
                    "CANCEL ALREADY_DONE PhaseSkippedException"), lines);
            assertEquals("balance=100 frozen=0 paid=0", db.account());
            assertEquals(List.of("TRY", "CANCEL"), db.journal());
        } else {
            assertEquals("balance=110 frozen=-10 paid=0", db.account(), "cancelled twice");
        }
    }

    /**
     * In auto-commit mode the barrier makes the phase one transaction: a confirm whose second statement fails leaves
     * nothing behind (not even its first statement), its retry applies once, its duplicate is skipped.
     */
    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aPhaseInAutoCommitModeIsAtomicWithItsBarrier(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = BankJvm.run(setup, barrier, db, "auto-commit", dir);
        if (barrier) {
            assertEquals(4, lines.size(), lines.toString());
            assertEquals("TRY APPLIED ok", lines.get(0));
            assertTrue(lines.get(1).startsWith("CONFIRM ROLLED_BACK "), lines.get(1));
            assertEquals(List.of("CONFIRM APPLIED ok", "CONFIRM ALREADY_DONE PhaseSkippedException"),
                    lines.subList(2, 4));
            assertEquals("balance=90 frozen=0 paid=10", db.account());
            assertEquals(List.of("TRY", "CONFIRM"), db.journal());
        } else {
            assertEquals("balance=90 frozen=-20 paid=30", db.account(),
                    "the failed confirm's first statement stayed, and the duplicate applied again");
        }
    }

    /** Catching the skip does not help: every later statement of the phase is refused too. */
    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aSwallowedSkipStillChangesNothing(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = BankJvm.run(setup, barrier, db, "swallowed-skip", dir);
        if (barrier) {
            assertEquals(List.of("TRY APPLIED ok", "CONFIRM APPLIED ok", "CONFIRM ALREADY_DONE PhaseSkippedException"),
                    lines);
            assertEquals("balance=90 frozen=0 paid=10", db.account());
            assertEquals(List.of("TRY", "CONFIRM"), db.journal());
        } else {
            assertEquals(List.of("TRY", "CONFIRM", "CONFIRM"), db.journal(), "confirmed twice");
        }
    }
}
