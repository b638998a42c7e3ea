package dev.weft.runtime.messaging;

import dev.weft.runtime.jdbc.Database;
import dev.weft.runtime.jdbc.MessageBarrierTable;
import dev.weft.runtime.jdbc.TransactionWork;
import dev.weft.runtime.jdbc.WorkRefusedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * One prepared message inside its method's transaction: first thing in the transaction, once Redis has confirmed it
 * stored the message, the message learns which database to be checked back in, and the transaction's row goes into {@code weft_msg_barrier}; the outcome then
 * publishes or discards it.
 */
final class PreparedWork implements TransactionWork {
    private final Message message;
    /** The message's store in Redis, sent before the body ran; {@link #begun} waits for it. */
    private final CompletableFuture<Long> stored;
    private final PreparedMessages prepared;
    private final MessageBarrierTable barrier;
    private final PreparedReleases releases;
    private final PreparedCheck check;

    PreparedWork(Message message, CompletableFuture<Long> stored, PreparedMessages prepared,
                 MessageBarrierTable barrier, PreparedReleases releases, PreparedCheck check) {
        this.message = message;
        this.stored = stored;
        this.prepared = prepared;
        this.barrier = barrier;
        this.releases = releases;
        this.check = check;
    }

    @Override
    public void prepare(Connection connection, Database database) throws SQLException {
        barrier.ensure(connection, database);
    }

    /**
     * @throws WorkRefusedException when a check-back already discarded the message (this transaction began later than
     *     checkAfter): the transaction must not commit without it
     * @throws dev.weft.api.WeftBackendException when Redis did not take the message: nothing may commit either
     */
    @Override
    public void begun(Connection connection, Database database) throws SQLException {
        if (!prepared.attach(message, PreparedCheck.inDatabase(database), stored)) {
            throw new WorkRefusedException("prepared message \"" + message.id() + "\" of stream " + message.stream()
                    + " was already checked back and discarded, since its method had not begun its transaction"
                    + " after checkAfter; nothing of this call is committed. Call the method again, or raise"
                    + " checkAfter above the time the method takes before its first statement");
        }
        check.seen(database);
        barrier.recordCommit(connection, database, message.stream(), message.id());
    }

    @Override
    public void beforeCommit(Connection connection, Database database) {
        // the transaction's row went in first thing (begun): a check-back meanwhile waits for this commit
    }

    @Override
    public void committed() {
        releases.committed(message);
    }

    @Override
    public void rolledBack() {
        releases.rolledBack(message);
    }
}
