package dev.weft.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Weft opens its own connections the way the application opened the ones a scope followed. */
class ConnectionOpenersTest {
    private final Woven jdbc = Woven.followingWork();

    @Test
    void aDataSourceSeenOpeningAFollowedConnectionOpensNewOnes() throws SQLException {
        RealDatabase.Location location = RealDatabase.H2.empty();
        try (Connection setUp = location.open(); Statement statement = setUp.createStatement()) {
            statement.execute("CREATE TABLE t (n INT NOT NULL)");
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(location.url());
        dataSource.setUser(location.user());
        dataSource.setPassword(location.password());
        WorkScopeTest.Row row = new WorkScopeTest.Row();
        Connection applications;
        try (Connection c = jdbc.open(dataSource)) {
            applications = c;
            WorkScope.begin(row);
            jdbc.update(c, "INSERT INTO t VALUES (1)");
            assertEquals(WorkOutcome.COMMITTED, WorkScope.end(null));
        }

        ConnectionOpener opener = ConnectionOpeners.recorded().openerOf(row.database).orElseThrow();
        assertSame(row.database, opener.database());
        assertTrue(ConnectionOpeners.recorded().all().contains(opener));
        try (Connection own = opener.open(); Statement statement = own.createStatement()) {
            assertNotSame(applications, own);
            statement.executeUpdate("INSERT INTO t VALUES (2)");
        }
        assertEquals(List.of(1, 2, 100), ((RealDatabase.Source) location).values());
    }
}
