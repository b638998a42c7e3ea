package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code weft_inbox} on real H2 and PostgreSQL databases. */
class InboxTableTest {
    private final InboxTable inbox = new InboxTable(true, Duration.ofDays(7), System::currentTimeMillis);
    private final Databases databases = new Databases();

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void aMessageConsumedTwiceByOneGroupIsRefused(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        try (Connection c = db.open()) {
            Database database = databases.of(c, c);
            inbox.record(c, database, "shipping", "order-1");

            AlreadyConsumedException again = assertThrows(AlreadyConsumedException.class,
                    () -> inbox.record(c, database, "shipping", "order-1"));
            assertEquals("23505", again.getSQLState());
        }
    }

    /** The control: the same message for another group, and another message for the same group, go in. */
    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void otherGroupsAndOtherMessagesAreNotDuplicates(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        try (Connection c = db.open()) {
            Database database = databases.of(c, c);
            inbox.record(c, database, "shipping", "order-1");
            inbox.record(c, database, "billing", "order-1");
            inbox.record(c, database, "shipping", "order-2");
        }
        assertEquals(List.of("3"), db.strings("SELECT COUNT(*) FROM weft_inbox"));
    }

    @ParameterizedTest
    @EnumSource(RealDatabase.class)
    void rowsOlderThanTheRetentionAreSwept(RealDatabase kind) throws SQLException {
        RealDatabase.Source db = kind.empty();
        long[] now = {1_000_000};
        InboxTable aging = new InboxTable(true, Duration.ofMillis(500), () -> now[0]);
        try (Connection c = db.open()) {
            Database database = databases.of(c, c);
            aging.record(c, database, "shipping", "old");
            now[0] += 1_000;
            aging.record(c, database, "shipping", "new");

            aging.sweep(c, database);
        }
        assertEquals(List.of("new"), db.strings("SELECT message_id FROM weft_inbox"));
    }
}
