package dev.weft.runtime.messaging;

import dev.weft.runtime.jdbc.Database;
import dev.weft.runtime.jdbc.OutboxTable;
import dev.weft.runtime.jdbc.TransactionWork;
import dev.weft.runtime.jdbc.WorkRefusedException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One published message inside its method's transaction: the outbox row goes in right before the commit, and the
 * relay is told once the commit happened. A rollback takes the row with it: no message.
 */
final class OutboxWork implements TransactionWork {
    private final String method;
    private final String messageId;
    private final OutboxTable table;
    private final OutboxRelay relay;
    private final StreamMetrics metrics;
    /** Null until known: a {@code {return}} payload is known only once the method has returned. */
    private Message message;
    private Database database;

    OutboxWork(String method, String messageId, OutboxTable table, OutboxRelay relay, StreamMetrics metrics) {
        this.method = method;
        this.messageId = messageId;
        this.table = table;
        this.relay = relay;
        this.metrics = metrics;
    }

    String messageId() {
        return messageId;
    }

    void carry(Message message) {
        this.message = message;
    }

    /** Creating the table later, inside the transaction, would commit it on H2 and MySQL. */
    @Override
    public void prepare(Connection connection, Database database) throws SQLException {
        table.ensure(connection, database);
    }

    /**
     * @throws WorkRefusedException when the method commits (or closes a connection whose auto-commit Weft took over)
     *     before it returned the value its message carries: the commit fails, so none commits without its message
     */
    @Override
    public void beforeCommit(Connection connection, Database database) throws SQLException {
        if (message == null) {
            throw new WorkRefusedException(method + " ends its transaction before it returns, but its message's"
                    + " payload is its return value ({return}), which is known only then; nothing was committed."
                    + " Let the caller end the transaction (Spring's @Transactional does), or publish an argument,"
                    + " e.g. payload: \"{0}\" (docs/outbox.md)");
        }
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
