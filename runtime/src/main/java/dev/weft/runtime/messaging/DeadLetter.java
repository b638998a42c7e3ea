package dev.weft.runtime.messaging;

/**
 * A message that a consumer group gave up on, as operators see it (JMX, {@code weft status}); it stays in the stream
 * {@code <stream>.dlq} until an operator deletes or replays it.
 *
 * @param stream           the stream the message came from
 * @param deadLetteredAtMillis when it was moved, from the dead-letter entry's id
 * @param error            the last attempt's failure, as the consumer recorded it
 */
public record DeadLetter(String stream, String group, String messageId, long attempts, String error,
                         long deadLetteredAtMillis) {
}
