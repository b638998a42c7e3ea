package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.jdbc.DatabaseProduct;
import java.util.List;

/**
 * The log's two tables, created if missing. Times are epoch milliseconds written by Weft (portable, free of session
 * time zones); {@code due_at} is null while a transaction is FAILED, so the due index never returns it.
 */
final class LogSchema {
    static final String TX = "weft_tcc_tx";
    static final String BRANCH = "weft_tcc_tx_branch";
    private static final String DUE_INDEX = "weft_tcc_tx_due";

    private LogSchema() {
    }

    /** {@code CREATE ... IF NOT EXISTS} statements, run in order. */
    static List<String> create(DatabaseProduct product) {
        String text = switch (product) {
            case H2 -> "CLOB";
            case POSTGRESQL -> "TEXT";
            case MYSQL -> "LONGTEXT";
        };
        String tx = "CREATE TABLE IF NOT EXISTS " + TX + " (xid VARCHAR(128) NOT NULL PRIMARY KEY,"
                + " origin VARCHAR(2000) NOT NULL, started_at BIGINT NOT NULL, deadline BIGINT NOT NULL,"
                + " phase VARCHAR(16) NOT NULL, failure " + text + ", attempts INT NOT NULL, due_at BIGINT,"
                + " next_branch INT NOT NULL";
        String branch = "CREATE TABLE IF NOT EXISTS " + BRANCH + " (xid VARCHAR(128) NOT NULL,"
                + " branch_id INT NOT NULL, class_name VARCHAR(1000) NOT NULL, try_method VARCHAR(255) NOT NULL,"
                + " descriptor VARCHAR(2000) NOT NULL, confirm_name VARCHAR(255) NOT NULL,"
                + " cancel_name VARCHAR(255) NOT NULL, arguments " + text + " NOT NULL, state VARCHAR(16) NOT NULL,"
                + " PRIMARY KEY (xid, branch_id)";
        if (product == DatabaseProduct.MYSQL) {
            // MySQL has no CREATE INDEX IF NOT EXISTS; InnoDB is what makes the compare-and-set transactional
            return List.of(tx + ", KEY " + DUE_INDEX + " (due_at)) ENGINE=InnoDB", branch + ") ENGINE=InnoDB");
        }
        return List.of(tx + ")", "CREATE INDEX IF NOT EXISTS " + DUE_INDEX + " ON " + TX + " (due_at)",
                branch + ")");
    }
}
