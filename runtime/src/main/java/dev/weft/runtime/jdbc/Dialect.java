package dev.weft.runtime.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * The SQL of the barrier for each supported database, chosen from {@code DatabaseMetaData.getDatabaseProductName()}.
 * Every insert is insert-only and idempotent: a row that exists is left alone and the update count is 0, so the
 * unique key alone orders concurrent phases of a branch (no SELECT ... FOR UPDATE, no gap locks).
 */
enum Dialect {
    H2(List.of(Sql.CREATE_TABLE + ")", Sql.CREATE_INDEX),
            "MERGE INTO " + Sql.TABLE + " t USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS BIGINT),"
                    + " CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(8)), CAST(? AS BIGINT)))"
                    + " s(xid, branch_id, phase, written_by, created_ms)"
                    + " ON t.xid = s.xid AND t.branch_id = s.branch_id AND t.phase = s.phase"
                    + " WHEN NOT MATCHED THEN INSERT (" + Sql.COLUMNS + ")"
                    + " VALUES (s.xid, s.branch_id, s.phase, s.written_by, s.created_ms)",
            "SELECT CONTAINS_UNCOMMITTED FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()"),
    POSTGRESQL(List.of(Sql.CREATE_TABLE + ")", Sql.CREATE_INDEX),
            "INSERT INTO " + Sql.TABLE + " (" + Sql.COLUMNS + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            // an xid is assigned at the transaction's first write (or row lock), never by reads
            "SELECT txid_current_if_assigned() IS NOT NULL"),
    MYSQL(List.of(Sql.CREATE_TABLE + ", KEY " + Sql.INDEX + " (created_ms))"),
            "INSERT IGNORE INTO " + Sql.TABLE + " (" + Sql.COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
            "SELECT COUNT(*) > 0 FROM information_schema.innodb_trx"
                    + " WHERE trx_mysql_thread_id = CONNECTION_ID() AND trx_rows_modified > 0");

    private final List<String> createTable;
    private final String insert;
    private final String holdsWrites;

    Dialect(List<String> createTable, String insert, String holdsWrites) {
        this.createTable = createTable;
        this.insert = insert;
        this.holdsWrites = holdsWrites;
    }

    /** @return empty when the barrier does not know the database (the phase then fails: it cannot be guarded) */
    static Optional<Dialect> of(String productName) {
        return DatabaseProduct.of(productName).map(product -> switch (product) {
            case H2 -> H2;
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
        });
    }

    DatabaseProduct product() {
        return DatabaseProduct.valueOf(name());
    }

    /** {@code CREATE ... IF NOT EXISTS} statements of the barrier's table, run in order. */
    List<String> createTable() {
        return createTable;
    }

    /** Parameters: xid, branch id, phase, written by (the phase that wrote the row), created (epoch ms). */
    String insert() {
        return insert;
    }

    /** One boolean: whether the current transaction has already written something. */
    String holdsWrites() {
        return holdsWrites;
    }


    /** Statements shared by every dialect. */
    static final class Sql {
        static final String TABLE = "weft_tcc_barrier";
        static final String INDEX = "weft_tcc_barrier_created";
        static final String COLUMNS = "xid, branch_id, phase, written_by, created_ms";
        // created_ms is epoch milliseconds written by Weft: portable, and free of session time zones
        static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (xid VARCHAR(128) NOT NULL,"
                + " branch_id BIGINT NOT NULL, phase VARCHAR(8) NOT NULL, written_by VARCHAR(8) NOT NULL,"
                + " created_ms BIGINT NOT NULL, PRIMARY KEY (xid, branch_id, phase)";
        static final String CREATE_INDEX = "CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + TABLE + " (created_ms)";
        static final String WRITTEN_BY = "SELECT written_by FROM " + TABLE
                + " WHERE xid = ? AND branch_id = ? AND phase = ?";
        static final String EXPIRED = "DELETE FROM " + TABLE + " WHERE created_ms < ?";

        private Sql() {
        }
    }
}
