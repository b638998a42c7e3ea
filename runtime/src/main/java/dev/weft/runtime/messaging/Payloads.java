package dev.weft.runtime.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.api.WeftException;
import java.lang.reflect.Type;

/**
 * Payloads as JSON, with Jackson's defaults on both sides (public getters and setters or fields, creators, records;
 * no class names in the data), so a consumer in another service binds it to its own type.
 */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /**
     * @param root the argument or return value the template names
     * @throws WeftException when the value cannot be written, or it or a property on the path is missing or null
     */
    static String write(PayloadTemplate template, Object root, String where) {
        if (root == null) {
            throw new WeftException(where + ": payload \"" + template.text() + "\": " + template.source()
                    + " is null, so there is no message to publish; pass a value or publish another one");
        }
        try {
            if (template.path().isEmpty()) {
                return JSON.writeValueAsString(root);
            }
            JsonNode node = JSON.valueToTree(root);
            for (String property : template.path()) {
                node = node.get(property);
                if (node == null || node.isNull()) {
                    throw new WeftException(where + ": payload \"" + template.text() + "\": property '" + property
                            + "' is missing or null in the JSON of " + template.source()
                            + "; check the property path");
                }
            }
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new WeftException(where + ": payload \"" + template.text() + "\" cannot be written as JSON (" + e
                    .getMessage() + "); publish a value Jackson can write: public getters or fields, or a record", e);
        }
    }

    /** @throws IllegalArgumentException when the JSON does not fit {@code type} */
    static Object read(String json, Type type) {
        try {
            return JSON.readValue(json, JSON.constructType(type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload does not bind to " + type.getTypeName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
