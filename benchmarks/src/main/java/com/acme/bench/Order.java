package com.acme.bench;

import java.time.Instant;

/**
 * An order, and the message that carries it. {@code placedAtMicros}: when the caller started placing it, by the
 * wall clock (microseconds since the epoch), so that a consumer on the same machine can tell how long it took.
 */
public record Order(long id, long placedAtMicros) {
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
