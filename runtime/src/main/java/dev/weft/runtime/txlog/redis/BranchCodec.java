package dev.weft.runtime.txlog.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.runtime.txlog.ParticipantId;

/**
 * A branch's record in Redis: a small JSON object whose fields are all strings. The arguments are JSON text, kept as
 * a string value rather than embedded, so any text, valid JSON or not, comes back byte for byte.
 */
final class BranchCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a record holds: the branch's state is kept beside it, so that a state change never rewrites it. */
    record Decoded(ParticipantId participant, String arguments) {
    }

    private BranchCodec() {
    }

    static String encode(ParticipantId participant, String arguments) {
        ObjectNode record = JSON.createObjectNode()
                .put("class", participant.className())
                .put("try", participant.tryMethod())
                .put("descriptor", participant.descriptor())
                .put("confirm", participant.confirm())
                .put("cancel", participant.cancel())
                .put("arguments", arguments);
        return record.toString();
    }

    /** @throws IllegalArgumentException when the record is not one this version of Weft writes */
    static Decoded decode(String record) {
        try {
            JsonNode node = JSON.readTree(record);
            return new Decoded(new ParticipantId(text(node, "class"), text(node, "try"), text(node, "descriptor"),
                    text(node, "confirm"), text(node, "cancel")), text(node, "arguments"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable branch record " + record + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text field '" + field + "'");
        }
        return value.textValue();
    }
}
