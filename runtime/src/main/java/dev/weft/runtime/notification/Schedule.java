package dev.weft.runtime.notification;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A call's schedule: the pause after its first failure, after its second, ...; one attempt more than pauses. Each
 * pause is moved by up to 10% either way, so that calls that failed together (a receiver's outage) do not all come
 * back at the same moment.
 */
final class Schedule {
    private static final double JITTER = 0.1;

    private final List<Duration> pauses;
    private final DoubleSupplier random;

    /** @param random a value in [0, 1) per pause */
    Schedule(List<Duration> pauses, DoubleSupplier random) {
        if (pauses.isEmpty()) {
            throw new IllegalArgumentException("a schedule has at least one pause");
        }
        this.pauses = List.copyOf(pauses);
        this.random = random;
    }

    /** How many attempts a call gets: its first call and one per pause. */
    int attempts() {
        return pauses.size() + 1;
    }

    /** Whether attempt {@code attempt} (from 1) failing leaves no further attempt: the call is dead. */
    boolean isLast(int attempt) {
        return attempt >= attempts();
    }

    /** The pause after attempt {@code attempt} failed, with jitter; only for an attempt that is not the last. */
    long pauseAfterMillis(int attempt) {
        long pause = pauses.get(attempt - 1).toMillis();
        return Math.round(pause * (1 - JITTER + 2 * JITTER * random.getAsDouble()));
    }

    /**
     * How long attempt {@code attempt} holds its call: the pause its failure would bring (the last pause for the last
     * attempt). An instance that dies during the attempt leaves the call due when its failure would have.
     */
    long leaseMillis(int attempt) {
        return pauses.get(Math.min(attempt, pauses.size()) - 1).toMillis();
    }
}
