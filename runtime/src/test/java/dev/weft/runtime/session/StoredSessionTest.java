package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a request writes back: only what changed, including a value changed in place (the dirty check). */
class StoredSessionTest {
    private final SessionCounters counters = new SessionCounters();
    private final AttributeCodec codec = new JavaCodec(List.of(), counters);
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void aRequestThatOnlyReadsWritesNothing() {
        StoredSession session = stored(Map.of("a:count", codec.encode("count", 1)));
        assertEquals(1, session.attribute("count", codec, loader));
        assertTrue(session.changes(codec, false, 0).isEmpty());
    }

    @Test
    void onlyTheAttributeSetIsWrittenAndARemovedOneIsDeleted() {
        StoredSession session = stored(Map.of("a:x", codec.encode("x", "1"), "a:y", codec.encode("y", "2")));
        session.setAttribute("x", "changed");
        session.removeAttribute("y");
        StoredSession.Changes changes = session.changes(codec, false, 0);
        assertEquals(List.of("a:x"), List.copyOf(changes.write().keySet()));
        assertEquals(List.of("a:y"), changes.delete());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListChangedInPlaceIsWrittenAndOneOnlyReadIsNot() {
        ArrayList<String> cart = new ArrayList<>(List.of("apple"));
        StoredSession session = stored(Map.of("a:cart", codec.encode("cart", cart),
                "a:seen", codec.encode("seen", new ArrayList<>(List.of("home")))));
        ((List<String>) session.attribute("cart", codec, loader)).add("pear");
        session.attribute("seen", codec, loader);
        assertEquals(List.of("a:cart"), List.copyOf(session.changes(codec, false, 0).write().keySet()));
    }

    @Test
    void aNewSessionIsWrittenWholeWithItsMetadata() {
        StoredSession session = StoredSession.created("id", 5, 60);
        session.setAttribute("user", "ada");
        Map<String, String> write = session.changes(codec, true, 7).write();
        assertEquals("5", write.get(StoredSession.CREATED));
        assertEquals("7", write.get(StoredSession.LAST_ACCESSED));
        assertEquals("60", write.get(StoredSession.MAX_INACTIVE));
        assertTrue(write.containsKey("a:user"));
    }

    private static StoredSession stored(Map<String, String> attributes) {
        Map<String, String> fields = new java.util.HashMap<>(attributes);
        fields.put(StoredSession.CREATED, "1");
        fields.put(StoredSession.LAST_ACCESSED, "2");
        fields.put(StoredSession.MAX_INACTIVE, "1800");
        return StoredSession.read("id", fields);
    }
}
