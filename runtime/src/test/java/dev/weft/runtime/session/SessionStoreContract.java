package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SessionStore} promises, on each Redis deployment (docs/sessions.md, "Storage"; docs/redis.md): one hash
 * per session, reads that record the access, writes of only the changed fields that never bring back a session that
 * is gone. Several ids, so that on a cluster the sessions land on every master.
 */
abstract class SessionStoreContract {
    private static final List<String> IDS = List.of("a1", "b2", "c3", "d4", "e5", "f6");

    private SessionStore store;

    abstract SessionStore open();

    @BeforeEach
    void connect() {
        store = open();
    }

    @AfterEach
    void disconnect() {
        store.close();
    }

    @Test
    void aCreatedSessionIsReadBackAsItWasAndTheReadIsRecorded() {
        for (String id : IDS) {
            assertTrue(store.write(id, true, 60_000, Map.of(StoredSession.CREATED, "1", StoredSession.LAST_ACCESSED,
                    "1", StoredSession.MAX_INACTIVE, "60", "a:cart", "[1,2]"), List.of()));

            assertEquals(Map.of(StoredSession.CREATED, "1", StoredSession.LAST_ACCESSED, "1",
                    StoredSession.MAX_INACTIVE, "60", "a:cart", "[1,2]"), store.readAndTouch(id, 5));
            assertEquals("5", store.readAndTouch(id, 6).get(StoredSession.LAST_ACCESSED), id);
        }
    }

    @Test
    void anUpdateWritesOnlyItsFieldsAndNeverBringsBackASessionThatIsGone() {
        for (String id : IDS) {
            store.write(id, true, 60_000, Map.of(StoredSession.CREATED, "1", "a:kept", "k", "a:dropped", "d"),
                    List.of());
            assertTrue(store.write(id, false, 60_000, Map.of("a:added", "n"), List.of("a:dropped")));
            assertEquals(Map.of(StoredSession.CREATED, "1", "a:kept", "k", "a:added", "n"), store.readAndTouch(id, 2));

            store.delete(id);
            assertFalse(store.write(id, false, 60_000, Map.of("a:late", "x"), List.of()), "invalidated meanwhile");
            assertNull(store.readAndTouch(id, 3));
        }
    }

    @Test
    void aChangedIdIsANewSessionUnderItsOwnKey() {
        store.write("old-id", true, 60_000, Map.of(StoredSession.CREATED, "1", "a:user", "ann"), List.of());
        Map<String, String> fields = store.readAndTouch("old-id", 2);

        assertTrue(store.write("new-id", true, 60_000, fields, List.of()));
        store.delete("old-id");

        assertEquals("ann", store.readAndTouch("new-id", 3).get("a:user"));
        assertNull(store.readAndTouch("old-id", 4));
    }
}
