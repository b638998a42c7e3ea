package dev.weft.runtime.jdbc;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Makes sure {@code weft_tcc_barrier} exists, once per database and JVM, before its first row is written. */
final class BarrierTable {
    private final boolean mayCreate;

    BarrierTable(boolean mayCreate) {
        this.mayCreate = mayCreate;
    }

    /**
     * @param autoCommit whether {@code connection} is in auto-commit mode. Otherwise its transaction must be empty to
     *                   create the table: H2 and MySQL commit the open transaction on DDL.
     */
    void ensure(Database database, Connection connection, boolean autoCommit) throws SQLException {
        if (database.tableReady()) {
            return;
        }
        if (!exists(connection)) {
            create(database, connection, autoCommit);
        }
        database.tableIsReady();
    }

    private void create(Database database, Connection connection, boolean autoCommit) throws SQLException {
        Dialect dialect = database.dialect();
        String ddl = String.join(";\n", dialect.createTable());
        if (!mayCreate) {
            throw new BarrierException("table " + Dialect.Sql.TABLE + " does not exist and jdbc.createTable is false;"
                    + " create it:\n" + ddl);
        }
        if (!autoCommit && BarrierRows.holdsWrites(dialect, connection)) {
            throw new BarrierException("table " + Dialect.Sql.TABLE + " does not exist, and creating it now would"
                    + " commit the transaction this phase joined; create it beforehand:\n" + ddl);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.createTable()) {
                statement.execute(sql);
            }
            if (!autoCommit) {
                connection.commit();
            }
            if (database.firstToTellTableCreated()) {
                Log.info("created table " + Dialect.Sql.TABLE + " for the JDBC barrier");
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
    private static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String name = metaData.storesUpperCaseIdentifiers() ? Dialect.Sql.TABLE.toUpperCase(Locale.ROOT)
                : Dialect.Sql.TABLE;
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
            return tables.next();
        }
    }
}
