package dev.weft.runtime.messaging;

import dev.weft.runtime.jdbc.Database;
import dev.weft.runtime.jdbc.OutboxTable;
import dev.weft.runtime.jdbc.TransactionWork;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One published message inside its method's transaction: the outbox row goes in right before the commit, and the
 * relay is told once the commit happened. A rollback takes the row with it: no message.
 */
final class OutboxWork implements TransactionWork {
    private final Message message;
    private final OutboxTable table;
    private final OutboxRelay relay;
    private final StreamMetrics metrics;
    private Database database;

    OutboxWork(Message message, OutboxTable table, OutboxRelay relay, StreamMetrics metrics) {
        this.message = message;
        this.table = table;
        this.relay = relay;
        this.metrics = metrics;
    }

    /** Creating the table later, inside the transaction, would commit it on H2 and MySQL. */
    @Override
    public void prepare(Connection connection, Database database) throws SQLException {
        table.ensure(connection, database);
    }

    @Override
    public void beforeCommit(Connection connection, Database database) throws SQLException {
        table.insert(connection, database, message);
        this.database = database;
    }

    @Override
    public void committed() {
        metrics.countPublished();
        relay.committed(message, database);
    }

    @Override
    public void rolledBack() {
        // The row went with the transaction: nothing was published, as the method's work did not happen either.
    }
}
