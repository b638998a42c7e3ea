package dev.weft.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Makes sure {@code weft_tcc_barrier} exists, once per database and JVM, before its first row is written. */
final class BarrierTable {
    private final WeftTable table;

    BarrierTable(boolean mayCreate) {
        this.table = new WeftTable(Dialect.Sql.TABLE, "the JDBC barrier", Dialect::createTable, mayCreate);
    }

    /**
     * @param autoCommit whether {@code connection} is in auto-commit mode. Otherwise its transaction must be empty to
     *                   create the table: H2 and MySQL commit the open transaction on DDL.
     */
    void ensure(Database database, Connection connection, boolean autoCommit) throws SQLException {
        table.ensure(database, connection, autoCommit);
    }
}
