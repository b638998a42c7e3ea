package dev.weft.runtime.messaging;

import dev.weft.runtime.jdbc.Database;
import dev.weft.runtime.jdbc.InboxTable;
import dev.weft.runtime.jdbc.TransactionWork;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The inbox row of one delivery, in the consumer method's own transaction: a message delivered again finds its row,
 * the insert fails, and the transaction (with the method's second effect) does not commit.
 */
final class InboxWork implements TransactionWork {
    private final InboxTable table;
    private final String group;
    private final String messageId;

    InboxWork(InboxTable table, String group, String messageId) {
        this.table = table;
        this.group = group;
        this.messageId = messageId;
    }

    /** Creating the table later, inside the transaction, would commit it on H2 and MySQL. */
    @Override
    public void prepare(Connection connection, Database database) throws SQLException {
        table.ensure(connection, database);
    }

    @Override
    public void beforeCommit(Connection connection, Database database) throws SQLException {
        table.record(connection, database, group, messageId);
    }

    @Override
    public void committed() {
    }

    @Override
    public void rolledBack() {
    }
}
