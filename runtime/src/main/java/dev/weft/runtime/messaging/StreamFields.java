package dev.weft.runtime.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a stream entry that carries a {@link Message}, and of its dead-letter copy. */
final class StreamFields {
    static final String ID = "id";
    static final String PAYLOAD = "payload";
    static final String CREATED_AT = "createdAt";
    static final String ERROR = "error";
    static final String ATTEMPTS = "attempts";
    static final String GROUP = "group";
    static final String ENTRY = "entry";

    private StreamFields() {
    }

    static Map<String, String> of(Message message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, message.id());
        fields.put(PAYLOAD, message.payload());
        fields.put(CREATED_AT, Long.toString(message.createdAtMillis()));
        return fields;
    }

    /**
     * The message in an entry of {@code stream}.
     *
     * @throws IllegalArgumentException when the entry was not written by Weft (a field is missing or malformed)
     */
    static Message message(String stream, Map<String, String> fields) {
        String id = fields.get(ID);
        String payload = fields.get(PAYLOAD);
        String createdAt = fields.get(CREATED_AT);
        if (id == null || payload == null || createdAt == null) {
            throw new IllegalArgumentException("the entry has fields " + fields.keySet() + " instead of " + ID + ", "
                    + PAYLOAD + " and " + CREATED_AT + "; only Weft's publishers should write to stream " + stream);
        }
        try {
            return new Message(stream, id, payload, Long.parseLong(createdAt));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the entry's " + CREATED_AT + " is \"" + createdAt + "\", not a number of"
                    + " milliseconds; only Weft's publishers should write to stream " + stream, e);
        }
    }
}
