package dev.weft.runtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow attempt on a live instance keeps its call: the poller extends its hold past half its lease, so no instance
 * claims the call beside it. Control: the same attempt, not extended, is claimed once its lease ends.
 */
class RunningAttemptsTest {
    private static final long T = NotificationStoreContract.T;
    private static final NotificationCall PAID = NotificationStoreContract.PAID;

    @TempDir
    Path dir;
    private NotificationStore store;
    private RunningAttempts running;

    @BeforeEach
    void open() {
        store = FileNotificationStore.open(dir);
        running = new RunningAttempts(store);
        store.record(PAID, "first", T + 1000, 2000);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRunningAttemptIsExtendedAndNeverClaimedBesideItself() {
        RunningAttempts.Running first = running.begin(PAID.id(), "first", 1000, T + 1000);
        running.extendDue(T + 400);
        assertEquals(List.of(), store.claimDue(T + 999, 4), "not past half its lease at T+400: not extended yet,"
                + " and held until T+1000 still");
        running.extendDue(T + 600);
        assertEquals(List.of(), store.claimDue(T + 1599, 4), "extended at T+600 to T+1600");
        running.extendDue(T + 1200);
        assertEquals(List.of(), store.claimDue(T + 2199, 4), "and again at T+1200 to T+2200");

        first.end();
        running.extendDue(T + 2000);
        assertEquals(1, store.claimDue(T + 2200, 4).size(), "once it ended, its hold runs out as last extended");
    }

    @Test
    void controlAnAttemptNotExtendedIsClaimedWhenItsLeaseEnds() {
        running.begin(PAID.id(), "first", 1000, T + 1000);
        assertEquals(1, store.claimDue(T + 1000, 4).size());
    }

    @Test
    void anAttemptWhoseCallAnotherAttemptTookIsNoLongerExtended() {
        running.begin(PAID.id(), "first", 1000, T + 1000);
        Claim retry = store.claimDue(T + 1000, 4).get(0);
        running.extendDue(T + 1500);
        assertEquals(List.of(), store.claimDue(T + 1000 + 1999, 4), "the retry's hold (2000 ms) is untouched");
        assertEquals(List.of(retry.call()), store.claimDue(T + 3000, 4).stream().map(Claim::call).toList());
    }
}
