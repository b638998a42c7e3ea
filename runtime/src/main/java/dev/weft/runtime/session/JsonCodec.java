package dev.weft.runtime.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * {@code serializer: json}: strings, numbers, booleans, null, and lists and maps (with string keys) of them, as JSON
 * text. Any other value is refused when it is set, so no class is ever named in Redis nor read back from it. Numbers
 * come back as Jackson reads them: {@code Integer}, {@code Long}, {@code Double} or {@code BigInteger}.
 */
final class JsonCodec implements AttributeCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void check(String name, Object value) {
        refuseNonJson(name, value);
    }

    @Override
    public String encode(String name, Object value) {
        refuseNonJson(name, value);
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SessionAttributeException("weft: session attribute '" + name + "' could not be written as"
                    + " JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object decode(String name, String stored, ClassLoader loader) {
        try {
            return JSON.readValue(stored, Object.class);
        } catch (JsonProcessingException e) {
            throw new SessionAttributeException("weft: session attribute '" + name + "' is not JSON in Redis: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static void refuseNonJson(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(element -> refuseNonJson(name, element));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                if (!(key instanceof String)) {
                    throw refused(name, key);
                }
                refuseNonJson(name, element);
            });
            return;
        }
        throw refused(name, value);
    }

    private static SessionAttributeException refused(String name, Object value) {
        return new SessionAttributeException("weft: session attribute '" + name + "' holds a "
                + value.getClass().getName() + ", which serializer: json does not keep (strings, numbers, booleans,"
                + " lists and maps with string keys only); store those, or use serializer: java with allow", null);
    }
}
