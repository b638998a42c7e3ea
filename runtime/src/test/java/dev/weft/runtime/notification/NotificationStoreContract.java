package dev.weft.runtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store does, each tested on a real server (redis-server, H2, embedded PostgreSQL): recorded calls are due
 * when their lease ends, held by one attempt at a time (extended while it runs), settled only by the attempt holding
 * them, dead-lettered, replayed and discarded.
 */
abstract class NotificationStoreContract {
    static final long T = 1_700_000_000_000L;
    static final NotificationCall PAID = new NotificationCall("paid-1", "com.acme.Client#notifyPaid(Ljava/lang/String;)V",
            "[\"o-1\"]", List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), T);

    NotificationStore store;

    /** A store of its own, empty. */
    abstract NotificationStore open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRecordedCallIsDueOnlyWhenItsFirstAttemptsLeaseEnds() {
        store.record(PAID, "first", T + 1000, 2000);
        assertEquals(1, store.pending());
        assertEquals(List.of(), store.claimDue(T + 999, 4), "the caller's own attempt holds it");
        assertEquals(Optional.of(PAID), store.find("paid-1"));

        List<Claim> claimed = store.claimDue(T + 1000, 4);
        assertEquals(1, claimed.size(), "its caller died: any instance takes it");
        assertEquals(PAID, claimed.get(0).call());
        assertEquals(2, claimed.get(0).attempt());
        assertEquals(List.of(), store.claimDue(T + 2999, 4), "held by the claim for its lease, 2000 ms");
        assertEquals(1, store.claimDue(T + 3000, 4).size(), "and due again when that lease ends");
    }

    @Test
    void anAttemptStillRunningExtendsItsHoldAndOnlyItsOwn() {
        store.record(PAID, "first", T + 1000, 2000);
        assertTrue(store.extend("paid-1", "first", T + 1600));
        assertEquals(List.of(), store.claimDue(T + 1599, 4), "held by the running first attempt");
        Claim retry = store.claimDue(T + 1600, 4).get(0);
        assertFalse(store.extend("paid-1", "first", T + 9000), "the claim took the hold");
        assertTrue(store.extend("paid-1", retry.token(), T + 4000));
        assertEquals(List.of(), store.claimDue(T + 3999, 4));
        assertEquals(1, store.claimDue(T + 4000, 4).size());
        assertFalse(store.extend("paid-2", "first", T + 9000), "no such call");
    }

    @Test
    void onlyTheAttemptHoldingTheCallSettlesIt() {
        store.record(PAID, "first", T + 1000, 2000);
        Claim retry = store.claimDue(T + 1000, 4).get(0);
        assertFalse(store.succeeded("paid-1", "first"), "the first attempt's hold ended with the claim");
        assertFalse(store.retryAt("paid-1", "first", T, 1, "late"), "nor can it reschedule the call");
        assertTrue(store.retryAt("paid-1", retry.token(), T + 5000, 2000, "503 from the receiver"));

        assertEquals(List.of(), store.claimDue(T + 4999, 4));
        Claim third = store.claimDue(T + 5000, 4).get(0);
        assertEquals(3, third.attempt());
        assertEquals("503 from the receiver", third.lastError());
        assertTrue(store.succeeded("paid-1", third.token()));
        assertEquals(0, store.pending());
        assertEquals(Optional.empty(), store.find("paid-1"));
    }

    @Test
    void aDeadLetterIsKeptUntilReplayedOrDiscarded() {
        store.record(PAID, "first", T + 1000, 2000);
        assertTrue(store.deadLetter("paid-1", "first", 3, T + 10, "503 | gateway down"));
        assertEquals(0, store.pending());
        assertEquals(1, store.dead());
        assertEquals(List.of(new DeadLetter("paid-1", PAID.method(), 3, T + 10, "503 | gateway down")),
                store.deadLetters());
        assertEquals(List.of(), store.claimDue(T + 100_000, 4), "a dead letter is never retried by itself");

        assertEquals(List.of("paid-1"), Replay.all(store, T + 20));
        assertEquals(0, store.dead());
        Claim replayed = store.claimDue(T + 20, 4).get(0);
        assertEquals(1, replayed.attempt(), "a replayed call gets its whole schedule again");
        assertFalse(store.discard("paid-1"), "a pending call is never discarded");

        assertTrue(store.deadLetter("paid-1", replayed.token(), 3, T + 30, "still down"));
        assertTrue(store.discard("paid-1"));
        assertEquals(0, store.dead());
        assertEquals(Optional.empty(), store.find("paid-1"));
        assertFalse(Replay.one(store, "paid-1", T + 40));
    }

    @Test
    void aNewCallWithThePendingIdReplacesItAndTheOlderAttemptCanNoLongerSettleIt() {
        store.record(PAID, "first", T + 1000, 2000);
        store.record(PAID, "second", T + 1500, 2000);
        assertFalse(store.succeeded("paid-1", "first"));
        assertEquals(1, store.pending());
        assertTrue(store.succeeded("paid-1", "second"));
    }
}
