package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serializers: the java one's allow-list, with a control, and the json one's refusal of non-JSON values. */
class CodecTest {
    private final SessionCounters counters = new SessionCounters();
    private final ClassLoader loader = getClass().getClassLoader();

    record Listed(String text) implements Serializable {
    }

    record Unlisted(String text) implements Serializable {
    }

    @Test
    void jdkValueTypesAndListedClassesAreReadBack() {
        JavaCodec codec = new JavaCodec(List.of("dev.weft.runtime.session.CodecTest$Listed"), counters);
        Map<String, Object> value = new HashMap<>(Map.of("when", Instant.ofEpochSecond(1), "amount",
                new BigDecimal("1.50"), "items", new ArrayList<>(List.of(1L, "two")), "listed", new Listed("x")));
        assertEquals(value, codec.decode("v", codec.encode("v", value), loader));
    }

    @Test
    void anUnlistedClassIsRefusedByNameWithTheAllowKey() {
        JavaCodec codec = new JavaCodec(List.of("com.acme.*"), counters);
        String stored = codec.encode("cart", new ArrayList<>(List.of(new Unlisted("gadget"))));
        SessionAttributeException refused = assertThrows(SessionAttributeException.class,
                () -> codec.decode("cart", stored, loader));
        assertTrue(refused.getMessage().contains("'cart'")
                && refused.getMessage().contains(Unlisted.class.getName())
                && refused.getMessage().contains("sessions.allow"), refused.getMessage());
        assertEquals(1, counters.refusals());
    }

    @Test
    void aStarMatchesAnyRunOfCharactersDotsIncluded() {
        JavaCodec codec = new JavaCodec(List.of("dev.weft.*"), counters);
        assertEquals(new Unlisted("x"), codec.decode("v", codec.encode("v", new Unlisted("x")), loader));
    }

    @Test
    void jsonKeepsJsonValuesAndRefusesOthersWhenSet() {
        JsonCodec codec = new JsonCodec();
        Map<String, Object> value = Map.of("n", 1, "list", List.of("a", true));
        assertEquals(value, codec.decode("v", codec.encode("v", value), loader));
        SessionAttributeException refused = assertThrows(SessionAttributeException.class,
                () -> codec.check("v", List.of(new Listed("x"))));
        assertTrue(refused.getMessage().contains(Listed.class.getName())
                && refused.getMessage().contains("serializer: json"), refused.getMessage());
    }

    @Test
    void idsAreAtLeast128BitsAndOnlyThatFormIsAccepted() {
        String id = new SessionIds().next();
        assertTrue(id.length() * 4 >= 128, id);
        assertTrue(SessionIds.wellFormed(id));
        assertTrue(!SessionIds.wellFormed("x}{evil") && !SessionIds.wellFormed(id.toUpperCase()));
    }

    @Test
    void theCookieIsHttpOnlyLaxAndSecureOnlyOnSecureRequests() {
        assertEquals("S=id; Path=/; HttpOnly; SameSite=Lax", SessionCookie.header("S", "id", "", false));
        assertEquals("S=id; Path=/app; HttpOnly; SameSite=Lax; Secure", SessionCookie.header("S", "id", "/app", true));
        assertEquals(List.of("1", "2"), SessionCookie.values(List.of("a=b; S=1", "S=\"2\""), "S"));
    }
}
