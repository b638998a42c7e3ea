package dev.weft.it.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 4, {@code jdbc.barrier}: the disorders a TCC branch meets, on H2 and on a real PostgreSQL, each with and
 * without HikariCP, in JVMs started with the agent. The participant ({@code com.acme.bank.Accounts}) is naive
 * plain JDBC; {@code BankApp} drives it through {@code PhaseScope} as TCC will. Each scenario's control runs the same
 * JVM with {@code jdbc.barrier: false} and shows the double apply or the suspension the barrier prevents.
 */
class BarrierDisorderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aCancelBeforeItsTryIsAnEmptyRollback(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = run(setup, barrier, db, "cancel-before-try");
        if (barrier) {
            assertEquals(List.of("CANCEL EMPTY_ROLLBACK PhaseSkippedException"), lines);
            assertEquals("balance=100 frozen=0 paid=0", db.account());
            assertEquals(List.of(), db.journal());
            assertEquals(List.of("CANCEL by CANCEL", "TRY by CANCEL"), db.barrierRows(), "the try's tombstone");
        } else {
            assertEquals(List.of("CANCEL NO_DATABASE_WORK ok"), lines);
            assertEquals("balance=110 frozen=-10 paid=0", db.account(), "undid a try that never ran: money made");
        }
    }

    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aTryAfterItsCancelIsRefused(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = run(setup, barrier, db, "try-after-cancel");
        if (barrier) {
            assertEquals(List.of("CANCEL EMPTY_ROLLBACK PhaseSkippedException", "TRY REFUSED PhaseSkippedException"),
                    lines);
            assertEquals("balance=100 frozen=0 paid=0", db.account());
            assertEquals(List.of(), db.journal());
        } else {
            assertEquals(List.of("CANCEL NO_DATABASE_WORK ok", "TRY NO_DATABASE_WORK ok"), lines);
            assertEquals(List.of("CANCEL", "TRY"), db.journal(),
                    "the try ran after its cancel: what it froze waits for a cancel that already came (suspension)");
        }
    }

    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aDuplicateConfirmIsSkipped(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = run(setup, barrier, db, "duplicate-confirm");
        if (barrier) {
            assertEquals(List.of("TRY APPLIED ok", "CONFIRM APPLIED ok", "CONFIRM ALREADY_DONE PhaseSkippedException"),
                    lines);
            assertEquals("balance=90 frozen=0 paid=10", db.account());
            assertEquals(List.of("TRY", "CONFIRM"), db.journal());
        } else {
            assertEquals("balance=90 frozen=-10 paid=20", db.account(), "confirmed twice");
        }
    }

    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void twoConcurrentCancelsApplyOnce(Setup setup, boolean barrier) throws SQLException {
        TestDatabase db = setup.database(dir);
        List<String> lines = run(setup, barrier, db, "concurrent-cancels");
        if (barrier) {
            assertEquals(List.of("TRY APPLIED ok", "CANCEL ALREADY_DONE PhaseSkippedException", "CANCEL APPLIED ok"),
                    lines);
            assertEquals("balance=100 frozen=0 paid=0", db.account());
            assertEquals(List.of("TRY", "CANCEL"), db.journal());
        } else {
            assertEquals("balance=110 frozen=-10 paid=0", db.account(), "cancelled twice");
        }
    }

    @ParameterizedTest(name = "{0}, barrier {1}")
    @MethodSource("dev.weft.it.jdbc.Setup#withControls")
    void aConfirmReplayedAfterACrashBetweenItsCommitAndTheLogIsSkipped(Setup setup, boolean barrier)
            throws SQLException {
        TestDatabase db = setup.database(dir);
        JavaProcess crashed = BankJvm.start(setup, barrier, db, "confirm-then-crash", dir);
        assertEquals(3, crashed.awaitExit(Jvm.TIMEOUT), "halted inside the confirm" + crashed.report());
        assertEquals("balance=90 frozen=0 paid=10", db.account(), "the confirm had committed");

        List<String> lines = run(setup, barrier, db, "confirm-after-restart");
        if (barrier) {
            assertEquals(List.of("CONFIRM ALREADY_DONE PhaseSkippedException"), lines);
            assertEquals("balance=90 frozen=0 paid=10", db.account());
        } else {
            assertEquals("balance=90 frozen=-10 paid=20", db.account(), "recovery confirmed it again");
        }
    }

    private List<String> run(Setup setup, boolean barrier, TestDatabase db, String scenario) {
        return BankJvm.run(setup, barrier, db, scenario, dir);
    }
}
