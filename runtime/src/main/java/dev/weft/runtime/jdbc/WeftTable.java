package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One of Weft's own tables in the application's database ({@code weft_tcc_barrier}, {@code weft_outbox},
 * {@code weft_inbox}): made sure to exist once per database and JVM, before its first row is written. Created when
 * missing if {@code jdbc.createTable} allows it, else a clear error with the DDL to run.
 */
final class WeftTable {
    private final String name;
    /** What the table is for, in the log line that says it was created. */
    private final String purpose;
    private final Function<Dialect, List<String>> ddl;
    private final boolean mayCreate;

    /** @param ddl {@code CREATE ... IF NOT EXISTS} statements for a dialect, run in order */
    WeftTable(String name, String purpose, Function<Dialect, List<String>> ddl, boolean mayCreate) {
        this.name = name;
        this.purpose = purpose;
        this.ddl = ddl;
        this.mayCreate = mayCreate;
    }

    String name() {
        return name;
    }

    /**
     * @param autoCommit whether {@code connection} is in auto-commit mode. Otherwise its transaction must be empty to
     *                   create the table: H2 and MySQL commit the open transaction on DDL.
     */
    void ensure(Database database, Connection connection, boolean autoCommit) throws SQLException {
        if (database.tableReady(name)) {
            return;
        }
        if (!exists(connection)) {
            create(database, connection, autoCommit);
        }
        database.tableIsReady(name);
    }

    /** {@link #ensure} in the connection's current auto-commit mode. */
    void ensure(Database database, Connection connection) throws SQLException {
        if (!database.tableReady(name)) {
            ensure(database, connection, connection.getAutoCommit());
        }
    }

    private void create(Database database, Connection connection, boolean autoCommit) throws SQLException {
        Dialect dialect = database.dialect();
        List<String> statements = ddl.apply(dialect);
        String script = String.join(";\n", statements);
        if (!mayCreate) {
            throw new BarrierException("table " + name + " does not exist and jdbc.createTable is false;"
                    + " create it:\n" + script);
        }
        if (!autoCommit && BarrierRows.holdsWrites(dialect, connection)) {
            throw new BarrierException("table " + name + " does not exist, and creating it now would"
                    + " commit the transaction " + purpose + " joined; create it beforehand:\n" + script);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (!autoCommit) {
                connection.commit();
            }
            if (database.firstToTellTableCreated(name)) {
                Log.info("created table " + name + " for " + purpose);
            }
        } catch (SQLException e) {
            if (!autoCommit) {
                Connections.rollbackQuietly(connection);
            }
            // PostgreSQL can refuse one of two simultaneous CREATE TABLE IF NOT EXISTS: the other one succeeded
            if (!exists(connection)) {
                throw e;
            }
        }
    }

    /** Looked up in the connection's own catalog and schema, written as the database folds unquoted names. */
    private boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String folded = metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), folded, null)) {
            return tables.next();
        }
    }
}
