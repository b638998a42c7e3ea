package dev.weft.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Reads a {@code retry: {initial, max, maxAttempts}} mapping, wherever a section has one. */
final class RetryReader {
    private static final List<String> KEYS = List.of("initial", "max", "maxAttempts");
    private static final Duration SHORTEST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(24);
    private static final int MOST_ATTEMPTS = 10_000;

    private RetryReader() {
    }

    /** The {@code retry} mapping of {@code owner}, or the default when it is not written. */
    static TransactionSettings.Retry read(Fields owner, String where, TreeReader reader) {
        return owner.fields("retry", where, KEYS).map(fields -> retry(fields, reader))
                .orElse(TransactionSettings.Retry.DEFAULT);
    }

    /** Bounded both ways: a pause of 0 would hammer a failing participant or consumer, and an unbounded one would never retry. */
    private static TransactionSettings.Retry retry(Fields fields, TreeReader reader) {
        TransactionSettings.Retry defaults = TransactionSettings.Retry.DEFAULT;
        Duration initial = fields.optional("initial", defaults.initial(), pause());
        Duration max = fields.optional("max", defaults.max(), pause());
        int maxAttempts = fields.optional("maxAttempts", defaults.maxAttempts(), RetryReader::attempts);
        if (max.compareTo(initial) < 0) {
            reader.problem(fields.valuePosition("max").or(() -> fields.valuePosition("initial")).orElseThrow(),
                    "retry: max (" + max.toMillis() + "ms) is shorter than initial (" + initial.toMillis() + "ms);"
                            + " the pause doubles from initial up to max");
        }
        return new TransactionSettings.Retry(initial, max, maxAttempts);
    }

    private static Function<String, Duration> pause() {
        return ValueParsers.positiveDuration().andThen(pause -> {
            if (pause.compareTo(SHORTEST_PAUSE) < 0 || pause.compareTo(LONGEST_PAUSE) > 0) {
                throw new IllegalArgumentException("a pause between attempts must be from 10ms to 24h");
            }
            return pause;
        });
    }

    private static int attempts(String text) {
        int attempts;
        try {
            attempts = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number; write for example 20", e);
        }
        if (attempts < 1 || attempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("must be from 1 to " + MOST_ATTEMPTS);
        }
        return attempts;
    }
}
