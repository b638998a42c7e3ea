package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.messaging.Message;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code weft_outbox} on real H2 and PostgreSQL databases. */
class OutboxTableTest {
    private final OutboxTable outbox = new OutboxTable(true);
    private final Databases databases = new Databases();

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void insertedRowsAreClaimedOldestFirstAndDeletedOnceSent(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        Message first = new Message("orders", "order-1", "{\"id\":1}", 1_000);
        Message second = new Message("orders", "order-2", "{\"id\":2}", 2_000);
        Message sameIdElsewhere = new Message("invoices", "order-1", "{\"n\":7}", 3_000);
        try (Connection c = db.open()) {
            Database database = database(c);
            for (Message m : List.of(second, first, sameIdElsewhere)) {
                outbox.insert(c, database, m);
            }
            outbox.insert(c, database, new Message("orders", "order-1", "{\"again\":true}", 4_000));
            assertEquals(3, outbox.backlog(c, database), "an id waiting in its stream is not added twice");
            assertEquals(9_000, outbox.oldestAgeMillis(c, database, 10_000));

            c.setAutoCommit(false);
            List<Message> claimed = outbox.claim(c, database, 10, 2_500);
            assertEquals(List.of(first, second), claimed, "older than the cut-off only, oldest first");
            outbox.delete(c, database, claimed);
            c.commit();

            assertEquals(1, outbox.backlog(c, database));
            assertEquals(List.of(sameIdElsewhere), outbox.claim(c, database, 10, Long.MAX_VALUE));
            c.commit(); // not sent: the row stays, one attempt more
            assertEquals(List.of("1"), db.strings("SELECT attempts FROM weft_outbox"));

            outbox.delete(c, database, outbox.claim(c, database, 10, Long.MAX_VALUE));
            c.commit();
            assertEquals(0, outbox.backlog(c, database));
            assertEquals(0, outbox.oldestAgeMillis(c, database, 10_000));
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aClaimOutsideATransactionIsRefused(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        try (Connection c = db.open()) {
            SQLException refused = assertThrows(SQLException.class, () -> outbox.claim(c, database(c), 1, 1));
            assertTrue(refused.getMessage().contains("setAutoCommit(false)"), refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void withoutCreateTableTheErrorNamesTheDdl(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        try (Connection c = db.open()) {
            SQLException missing = assertThrows(SQLException.class, () -> new OutboxTable(false)
                    .insert(c, database(c), new Message("s", "1", "{}", 1)));
            assertTrue(missing.getMessage().contains("CREATE TABLE IF NOT EXISTS weft_outbox"), missing.getMessage());
        }
    }

    @Test
    void twoPollersNeverClaimTheSameRow() throws SQLException {
        RealDatabase.Source db = RealDatabase.POSTGRESQL.empty();
        fill(db, 2);
        try (Connection a = db.open(); Connection b = db.open(); Connection c = db.open()) {
            for (Connection poller : List.of(a, b, c)) {
                poller.setAutoCommit(false);
                noLockWaits(poller);
            }

            List<Message> byA = outbox.claim(a, database(a), 1, Long.MAX_VALUE);
            List<Message> byB = outbox.claim(b, database(b), 1, Long.MAX_VALUE);

            assertEquals(1, byA.size());
            assertEquals(1, byB.size());
            assertNotEquals(byA, byB, "B passed over the row A holds, without waiting for it");
            assertEquals(List.of(), outbox.claim(c, database(c), 10, Long.MAX_VALUE), "nothing left for a third");
        }
    }

    /**
     * The relay and the sweep reaching the same rows (a relay lagging past the sweep's grace): each row is sent by one
     * of them. The sweep passes over what the relay took, and the relay gets nothing of what the sweep sent.
     */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void theRelayTakesOnlyRowsTheSweepHasNotSent(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        fill(db, 2);
        Message m0 = new Message("orders", "m0", "{}", 1_000);
        Message m1 = new Message("orders", "m1", "{}", 1_001);
        try (Connection sweep = db.open(); Connection relay = db.open(); Connection nextSweep = db.open()) {
            sweep.setAutoCommit(false);
            relay.setAutoCommit(false);
            nextSweep.setAutoCommit(false);
            assertEquals(List.of(m0), outbox.claim(sweep, database(sweep), 10, 1_001), "m0 only is past its grace");

            assertEquals(List.of(m1), outbox.take(relay, database(relay), List.of(m1)));
            assertEquals(List.of(), outbox.claim(nextSweep, database(nextSweep), 10, Long.MAX_VALUE),
                    "another sweep passes over the rows the first sweep and the relay hold");
            nextSweep.commit();
            outbox.delete(sweep, database(sweep), List.of(m0));
            sweep.commit();

            assertEquals(List.of(), outbox.take(relay, database(relay), List.of(m0)), "the sweep sent it already");
            relay.commit();
            assertEquals(0, outbox.backlog(relay, database(relay)));
        }
    }

    /** The control: without SKIP LOCKED a second poller waits for the first (here: its lock wait fails at once). */
    @Test
    void aPlainForUpdateBlocksTheSecondPoller() throws SQLException {
        RealDatabase.Source db = RealDatabase.POSTGRESQL.empty();
        fill(db, 2);
        String plain = "SELECT message_id FROM weft_outbox ORDER BY created_ms LIMIT 1 FOR UPDATE";
        try (Connection a = db.open(); Connection b = db.open()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            noLockWaits(b);
            assertEquals(List.of("m0"), ids(a, plain));

            SQLException blocked = assertThrows(SQLException.class, () -> ids(b, plain));
            assertEquals("55P03", blocked.getSQLState(), "lock_not_available: B would wait for A's transaction");
        }
    }

    /** The control: without FOR UPDATE both pollers get the same row, and would both relay it. */
    @Test
    void aPlainSelectHandsTheSameRowToBothPollers() throws SQLException {
        RealDatabase.Source db = RealDatabase.POSTGRESQL.empty();
        fill(db, 2);
        String plain = "SELECT message_id FROM weft_outbox ORDER BY created_ms LIMIT 1";
        try (Connection a = db.open(); Connection b = db.open()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertEquals(ids(a, plain), ids(b, plain));
        }
    }

    private void fill(RealDatabase.Source db, int messages) throws SQLException {
        try (Connection c = db.open()) {
            for (int i = 0; i < messages; i++) {
                outbox.insert(c, database(c), new Message("orders", "m" + i, "{}", 1_000 + i));
            }
        }
    }

    /** A lock wait fails at once instead of waiting: blocking shows as an error, never as a hung test. */
    private static void noLockWaits(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("SET lock_timeout = '1ms'");
        }
    }

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private Database database(Connection c) throws SQLException {
        return databases.of(c, c);
    }
}
