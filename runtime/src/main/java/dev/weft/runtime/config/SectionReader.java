package dev.weft.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One mapping of a {@link ConfigSection} as its feature reads it: values parsed after {@code ${NAME}} substitution,
 * each mistake recorded at its line and column.
 */
public final class SectionReader {
    private final Fields fields;
    private final TreeReader reader;

    SectionReader(Fields fields, TreeReader reader) {
        this.fields = fields;
        this.reader = reader;
    }

    /** Where the mapping starts, for rules read from it. */
    public SourcePosition position() {
        return fields.position();
    }

    /** The value of {@code key}, or {@code fallback} when it is not written or is wrong (then with a problem). */
    public <T> T optional(String key, T fallback, Function<String, T> parser) {
        return fields.optional(key, fallback, parser);
    }

    /** A missing value is a problem that ends with {@code whatToDo}, e.g. "add the method to send from". */
    public <T> Optional<T> required(String key, Function<String, T> parser, String whatToDo) {
        return fields.required(key, parser, whatToDo);
    }

    /**
     * The mappings listed under {@code key}, e.g. the entries of {@code messages.send}.
     *
     * @param name  how messages call one entry, e.g. {@code each entry of send}
     * @param where how messages place a key inside one, e.g. {@code in a message rule}
     */
    public List<SectionReader> entries(String key, String name, String where, List<String> allowed) {
        return fields.items(key).stream()
                .flatMap(item -> reader.fields(item, name, where, allowed).stream())
                .map(entry -> new SectionReader(entry, reader))
                .toList();
    }

    /**
     * The values listed under {@code key} ({@code [15s, 30s]} or one {@code - } line each), each parsed; empty when
     * {@code key} is not written. A value the parser rejects is a problem at its own position and is left out.
     */
    public <T> Optional<List<T>> list(String key, Function<String, T> parser) {
        if (fields.valuePosition(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fields.items(key).stream()
                .flatMap(item -> reader.value(item, key, parser).stream())
                .toList());
    }

    /** The {@code retry: {initial, max, maxAttempts}} mapping, or {@code transactions.retry}'s default. */
    public TransactionSettings.Retry retry(String where) {
        return RetryReader.read(fields, where, reader);
    }

    /** Where the value of {@code key} is written, else where the mapping starts: for problems about that value. */
    public SourcePosition valuePosition(String key) {
        return fields.valuePosition(key).orElse(fields.position());
    }

    /** A problem the parsers cannot see, such as two settings that contradict each other. */
    public void problem(SourcePosition at, String message) {
        reader.problem(at, message);
    }

    /** {@code com.acme.Orders#place(..)}; its message says how to write one. */
    public static Function<String, MethodSelector> selector() {
        return MethodSelector::parse;
    }

    /** {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}; more than zero. */
    public static Function<String, Duration> positiveDuration() {
        return ValueParsers.positiveDuration();
    }

    public static Function<String, Boolean> bool() {
        return ValueParsers.bool();
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Function<String, Long> wholeNumber(long min, long max) {
        return ValueParsers.wholeNumber(min, max);
    }

    public static Function<String, String> oneOf(List<String> allowed) {
        return ValueParsers.oneOf(allowed);
    }

    public static Function<String, String> text() {
        return ValueParsers.text();
    }
}
