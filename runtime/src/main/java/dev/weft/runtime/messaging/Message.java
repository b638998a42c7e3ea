package dev.weft.runtime.messaging;

import java.util.Objects;

/**
 * One message as Weft moves it.
 *
 * @param stream          the stream's name as configured ({@code orders}), not its Redis key
 * @param id              the message id the user's template made, or a unique one; it travels with the message so
 *                        that consumers can tell a redelivery from a new message
 * @param payload         JSON
 * @param createdAtMillis when the message was made, in milliseconds since the epoch
 */
public record Message(String stream, String id, String payload, long createdAtMillis) {
    public Message {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payload, "payload");
    }
}
