package dev.weft.runtime.jdbc;

import java.sql.SQLException;

/**
 * The consumer group has already recorded this message in {@code weft_inbox} (or a concurrent consumer is recording
 * it): the transaction that tried again must not commit. An {@link SQLException} because it comes from the statement
 * that hit the key, inside {@link TransactionWork#beforeCommit}, whose failures are SQL failures: thrown there, it keeps
 * the transaction from committing (the redelivered message's second effect rolls back), and it reaches the consumer's
 * loop as the cause of {@link WorkNotRecordedException}, to be acknowledged rather than retried. Its SQLState is the
 * database's duplicate-key state.
 */
public final class AlreadyConsumedException extends SQLException {
    private static final long serialVersionUID = 1L;

    AlreadyConsumedException(String group, String messageId, SQLException duplicate) {
        super("weft: consumer group " + group + " has already consumed message " + messageId
                + "; its transaction must roll back, and the message can be acknowledged", duplicate.getSQLState(),
                duplicate.getErrorCode(), duplicate);
    }
}
