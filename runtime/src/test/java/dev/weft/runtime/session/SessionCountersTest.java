package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** "Active" counts sessions whose interval has not run out, and forgets the others even when no one asks. */
class SessionCountersTest {
    @Test
    void expiredSessionsAreNotActiveAndInvalidatedOnesAreForgotten() {
        SessionCounters counters = new SessionCounters();
        counters.seen("live", Long.MAX_VALUE);
        counters.seen("expired", 1);
        counters.seen("gone", Long.MAX_VALUE);
        counters.gone("gone");
        assertEquals(1, counters.active());
        assertEquals(1, counters.invalidated());
    }

    @Test
    void expiredSessionsArePrunedWhileSessionsAreServed() {
        SessionCounters counters = new SessionCounters();
        for (int i = 0; i < 100_000; i++) {
            counters.seen("expired-" + i, 1);
        }
        counters.seen("live", Long.MAX_VALUE);
        assertTrue(counters.tracked() < 2048, "tracked: " + counters.tracked());
    }
}
