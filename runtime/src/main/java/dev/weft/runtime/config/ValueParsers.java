package dev.weft.runtime.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the kinds of scalar the schema has. Each throws {@link IllegalArgumentException} with a message that
 * says what would have been accepted; {@link Fields} puts the key and the position in front of it.
 */
final class ValueParsers {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final String DURATION_FORMS = "write 250ms, 10s, 5m, 1h or a whole number of milliseconds";
    private static final List<String> URI_SCHEMES = List.of("redis://", "rediss://", "redis-sentinel://",
            "redis-socket://");

    private ValueParsers() {
    }

    static Function<String, String> text() {
        return Function.identity();
    }

    /** Zero or more. */
    static Function<String, Duration> duration() {
        return ValueParsers::parseDuration;
    }

    static Function<String, Duration> positiveDuration() {
        return text -> {
            Duration duration = parseDuration(text);
            if (duration.isZero()) {
                throw new IllegalArgumentException("must be more than 0; " + DURATION_FORMS);
            }
            return duration;
        };
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + DURATION_FORMS);
        }
        try {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    static Function<String, Long> wholeNumber(long min, long max) {
        return text -> {
            long number;
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number; write for example " + min, e);
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException("must be from " + min + " to " + max);
            }
            return number;
        };
    }

    /** YAML 1.1 also reads yes/no/on/off as booleans; only true and false are accepted, to avoid surprises. */
    static Function<String, Boolean> bool() {
        return text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean; write true or false");
        };
    }

    static Function<String, String> oneOf(List<String> allowed) {
        return text -> {
            if (allowed.contains(text)) {
                return text;
            }
            throw new IllegalArgumentException("unknown value '" + text + "'" + Suggestions.hint(text, allowed));
        };
    }

    /** The enum's constants written in lower case, e.g. {@code onBusy: throw}. */
    static <E extends Enum<E>> Function<String, E> choice(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
        return oneOf(names).andThen(name -> Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
    }

    /** The value is not echoed: a Redis URI may carry a password. */
    static Function<String, String> redisUri() {
        return text -> {
            if (URI_SCHEMES.stream().noneMatch(text::startsWith)) {
                throw new IllegalArgumentException("not a Redis URI; it must start with " + String.join(", ",
                        URI_SCHEMES.subList(0, URI_SCHEMES.size() - 1)) + " or " + URI_SCHEMES.get(URI_SCHEMES.size() - 1)
                        + ", e.g. redis://127.0.0.1:6379");
            }
            return text;
        };
    }

    /** The value is not echoed: a JDBC URL may carry a password. */
    static Function<String, String> jdbcUrl() {
        return text -> {
            if (!text.startsWith("jdbc:")) {
                throw new IllegalArgumentException("not a JDBC URL; it must start with jdbc:, e.g."
                        + " jdbc:postgresql://db:5432/orders");
            }
            return text;
        };
    }

    /** A method of the same class, named without class or parameters. */
    static Function<String, String> methodName() {
        return text -> {
            if (!JavaNames.isIdentifier(text)) {
                throw new IllegalArgumentException("'" + text + "' is not a method name; write only the name of a"
                        + " method in the same class, e.g. confirmDebit");
            }
            return text;
        };
    }

    static Function<String, Path> path() {
        return text -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty path; write a directory such as ./weft-txlog");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getReason(), e);
            }
        };
    }
}
