package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code weft_msg_barrier} on real H2 and PostgreSQL: a prepared message is published exactly when its transaction
 * committed, whichever of the transaction and its check-back reaches the key first.
 */
class MessageBarrierTableTest {
    private static final int WAIT_SECONDS = 10;

    private final MessageBarrierTable barrier = new MessageBarrierTable(true);
    private final Databases databases = new Databases();

    /** The check-back finds the transaction open: it waits for it, and its commit stands. */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aCheckBackWaitsForTheOpenTransactionAndSeesItCommit(RealDatabase kind) throws Exception {
        RealDatabase.Source db = kind.empty();
        try (Connection method = db.open(); Connection check = db.open()) {
            method.setAutoCommit(false);
            barrier.recordCommit(method, database(method), "orders", "m1");

            CompletableFuture<String> decided = CompletableFuture.supplyAsync(() -> decide(check, "m1"));
            method.commit();

            assertEquals(MessageBarrierTable.COMMITTED, decided.get(WAIT_SECONDS * 2L, TimeUnit.SECONDS));
        }
    }

    /** The check-back first: it rules rollback, and the transaction that comes later cannot commit. */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aTransactionAfterItsCheckBackRuledRollbackCannotCommit(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        try (Connection method = db.open(); Connection check = db.open()) {
            assertEquals(MessageBarrierTable.ROLLED_BACK, decide(check, "m2"));

            method.setAutoCommit(false);
            WorkRefusedException refused = assertThrows(WorkRefusedException.class,
                    () -> barrier.recordCommit(method, database(method), "orders", "m2"));
            assertTrue(refused.getMessage().contains("already checked back"), refused.getMessage());
            method.rollback();
            assertEquals(MessageBarrierTable.ROLLED_BACK, decide(check, "m2"), "asked again, the same answer");
        }
    }

    /**
     * The control: a check-back that only looks (RocketMQ's style, no marker) finds no row while the transaction has
     * not written it yet, rules rollback, and the transaction then commits all the same: its message is lost.
     */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void withoutTheMarkerALateTransactionCommitsAfterItsMessageWasDiscarded(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        try (Connection method = db.open(); Connection check = db.open()) {
            barrier.ensure(check, database(check));
            boolean committedByLooking = rows(check, "m3") > 0;

            method.setAutoCommit(false);
            barrier.recordCommit(method, database(method), "orders", "m3");
            method.commit();

            assertEquals(false, committedByLooking, "the look-only check-back discarded the message");
            assertEquals(1, rows(check, "m3"), "yet the transaction committed");
        }
    }

    private String decide(Connection check, String id) {
        try {
            return barrier.decide(check, database(check), "orders", id, WAIT_SECONDS);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rows(Connection c, String id) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT COUNT(*) FROM weft_msg_barrier WHERE outcome = 'committed' AND message_id = '" + id + "'")) {
            r.next();
            return r.getInt(1);
        }
    }

    private Database database(Connection c) throws SQLException {
        return databases.of(c, c);
    }
}
