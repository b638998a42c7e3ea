package dev.weft.runtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pauses of a schedule: one attempt more than pauses, each pause within 10% of the written one. */
class ScheduleTest {
    private static final List<Duration> PAUSES = List.of(Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(3));

    @Test
    void theFirstPauseFollowsTheFirstFailureAndTheLastAttemptHasNone() {
        Schedule schedule = new Schedule(PAUSES, () -> 0.5);
        assertEquals(4, schedule.attempts());
        assertEquals(15_000, schedule.pauseAfterMillis(1));
        assertEquals(180_000, schedule.pauseAfterMillis(3));
        assertFalse(schedule.isLast(3));
        assertTrue(schedule.isLast(4));
    }

    @Test
    void jitterMovesAPauseByAtMostATenthEitherWay() {
        assertEquals(13_500, new Schedule(PAUSES, () -> 0.0).pauseAfterMillis(1));
        assertEquals(16_500, new Schedule(PAUSES, () -> 1.0).pauseAfterMillis(1));
    }

    @Test
    void anAttemptHoldsItsCallForThePauseItsFailureWouldBring() {
        Schedule schedule = new Schedule(PAUSES, () -> 0.5);
        assertEquals(15_000, schedule.leaseMillis(1), "a caller that dies mid-call: retried after the first pause");
        assertEquals(30_000, schedule.leaseMillis(2));
        assertEquals(180_000, schedule.leaseMillis(4), "the last attempt holds it for the last pause");
    }
}
