package dev.weft.runtime.txlog.jdbc;

import static dev.weft.runtime.txlog.jdbc.Logs.DEBIT;
import static dev.weft.runtime.txlog.jdbc.Logs.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.jdbc.BarrierKey;
import dev.weft.runtime.jdbc.EndPhasesLeftBehind;
import dev.weft.runtime.jdbc.BranchPhase;
import dev.weft.runtime.jdbc.PhaseOutcome;
import dev.weft.runtime.jdbc.PhaseScope;
import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.jdbc.WovenDriver;
import dev.weft.runtime.txlog.Carried;
import dev.weft.runtime.txlog.BranchState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The log written from inside a TCC phase (a try body whose HTTP call carries the transaction), with the barrier's
 * hooks in the driver's connections and statements ({@link WovenDriver}, as {@code jdbc.barrier: true} weaves every
 * driver): the barrier never touches the log's statements.
 */
@ExtendWith(EndPhasesLeftBehind.class)
class JdbcLogInsidePhaseTest {
    private static final BarrierKey TRY = new BarrierKey("outer-xid", 0, BranchPhase.TRY);

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void theLogsStatementsPassTheBarrierUntouched(RealDatabase kind) throws SQLException {
        RealDatabase.Location at = kind.empty();
        RealDatabase.Location woven = new RealDatabase.Location(WovenDriver.url(at.url()), at.user(), at.password());
        PhaseScope.begin(TRY);
        try (JdbcTransactionLog log = Logs.open(woven)) {
            log.begin(Logs.begin("x1", NOW));
            int branch = log.register("x1", DEBIT, "[]", Carried.NONE);
            log.tryEnded("x1", branch, BranchState.RETURNED);
            log.decide("x1", true, List.of());
            log.claimDue(NOW, 1, 10);
            log.finishRound("x1", List.of(branch));
            log.finishRound("x1", List.of());
            assertEquals(TRY, PhaseScope.current(), "the phase is still there for the try body");
        }
        assertEquals(PhaseOutcome.NO_DATABASE_WORK, PhaseScope.end(), "none of the log's statements was the phase's");
        assertFalse(at.hasBarrierTable(), "no barrier row, not even its table");
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void controlAStatementOnTheSameDriverInsideThePhaseIsGuarded(RealDatabase kind) throws SQLException {
        RealDatabase.Location at = kind.empty();
        RealDatabase.Location woven = new RealDatabase.Location(WovenDriver.url(at.url()), at.user(), at.password());
        try (Connection c = at.open(); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE t (n INT)");
        }
        PhaseScope.begin(TRY);
        try (Connection c = woven.open(); Statement statement = c.createStatement()) {
            statement.executeUpdate("INSERT INTO t VALUES (1)");
        }
        assertEquals(PhaseOutcome.APPLIED, PhaseScope.end(), "the hooks are live on this driver's connections");
        assertTrue(at.hasBarrierTable());
    }
}
