package dev.weft.runtime.redis;

import java.time.Duration;

/** Durations in messages, written the way weft.yaml writes them. */
public final class Durations {
    private Durations() {
    }

    /** {@code 250ms}, {@code 2s}, {@code 1500ms}. */
    public static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
