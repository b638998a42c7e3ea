package dev.weft.runtime.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link NotificationCall} as the text a store keeps: one JSON object, the arguments embedded as they are. */
final class CallJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CallJson() {
    }

    static String write(NotificationCall call) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", call.id());
        node.put("method", call.method());
        try {
            node.set("arguments", JSON.readTree(call.arguments()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments of " + call.id() + " are not JSON", e);
        }
        var schedule = node.putArray("schedule");
        call.schedule().forEach(pause -> schedule.add(pause.toMillis()));
        node.put("created", call.createdMillis());
        return node.toString();
    }

    static NotificationCall read(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            List<Duration> schedule = new ArrayList<>();
            node.get("schedule").forEach(pause -> schedule.add(Duration.ofMillis(pause.asLong())));
            return new NotificationCall(node.get("id").asText(), node.get("method").asText(),
                    node.get("arguments").toString(), schedule, node.get("created").asLong());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("weft: a recorded notification cannot be read (" + e.getMessage() + "): "
                    + text, e);
        }
    }
}
