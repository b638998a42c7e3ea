package dev.weft.runtime.messaging;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SectionReader;
import dev.weft.runtime.key.KeyTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads {@code messages:} (docs/outbox.md). */
public final class MessagesSection implements ConfigSection<MessageSettings> {
    private static final List<String> PUBLISH_KEYS = List.of("method", "stream", "payload", "id", "mode", "checkAfter",
            "checkBack");
    private static final List<String> CONSUME_KEYS = List.of("stream", "group", "method", "concurrency", "retry");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final int MOST_CONCURRENCY = 256;

    @Override
    public String key() {
        return "messages";
    }

    @Override
    public List<String> keys() {
        return List.of("maxLen", "publish", "consume");
    }

    @Override
    public MessageSettings defaults() {
        return MessageSettings.none();
    }

    @Override
    public MessageSettings read(SectionReader section) {
        long maxLen = section.optional("maxLen", MessageSettings.DEFAULT_MAX_LEN,
                SectionReader.wholeNumber(1000, Long.MAX_VALUE));
        List<PublishRule> publish = section.entries("publish", "each entry of publish", "in a publish rule",
                PUBLISH_KEYS).stream().flatMap(entry -> publish(entry).stream()).toList();
        List<ConsumeRule> consume = section.entries("consume", "each entry of consume", "in a consume rule",
                CONSUME_KEYS).stream().flatMap(entry -> consume(entry).stream()).toList();
        return new MessageSettings(maxLen, publish, consume);
    }

    private static Optional<PublishRule> publish(SectionReader entry) {
        Optional<MethodSelector> method = entry.required("method", SectionReader.selector(),
                "add the method whose normal return publishes, e.g. method: com.acme.OrderService#placeOrder(Order)");
        Optional<String> stream = entry.required("stream", name("stream"), "add the stream to publish to,"
                + " e.g. stream: orders");
        Optional<PayloadTemplate> payload = entry.required("payload", PayloadTemplate::parse,
                "add what the message carries, e.g. payload: \"{0}\" (the first argument, as JSON)");
        PublishRule.Mode mode = PublishRule.Mode.valueOf(entry.optional("mode", "outbox",
                SectionReader.oneOf(List.of("outbox", "prepared"))).toUpperCase(Locale.ROOT));
        Optional<KeyTemplate> id = Optional.ofNullable(entry.optional("id", null, KeyTemplate::parse));
        Duration checkAfter = PublishRule.DEFAULT_CHECK_AFTER;
        Optional<MethodSelector> checkBack = Optional.empty();
        if (mode == PublishRule.Mode.PREPARED) {
            checkAfter = entry.optional("checkAfter", checkAfter, SectionReader.positiveDuration());
            checkBack = Optional.ofNullable(entry.optional("checkBack", null, SectionReader.selector()));
        } else {
            for (String preparedOnly : List.of("checkAfter", "checkBack")) {
                if (entry.optional(preparedOnly, null, SectionReader.text()) != null) {
                    entry.problem(entry.valuePosition(preparedOnly), preparedOnly + ": belongs to mode: prepared;"
                            + " remove it, or add mode: prepared");
                }
            }
        }
        if (mode == PublishRule.Mode.PREPARED && payload.isPresent() && payload.get().isReturnValue()) {
            entry.problem(entry.valuePosition("payload"), "a prepared message is stored before the method runs, so"
                    + " its payload comes from the arguments; publish an argument, e.g. payload: \"{0}\", or use"
                    + " mode: outbox for the return value");
        }
        if (checkBack.isPresent() && checkBack.get().exactTypeName().isEmpty()) {
            entry.problem(entry.valuePosition("checkBack"), "checkBack: names one method of one class, e.g."
                    + " checkBack: com.acme.OrderService#isPlaced(String); write the class name in full");
        }
        if (method.isEmpty() || stream.isEmpty() || payload.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublishRule(method.get(), stream.get(), payload.get(), id, mode, checkAfter, checkBack,
                entry.position()));
    }

    private static Optional<ConsumeRule> consume(SectionReader entry) {
        Optional<String> stream = entry.required("stream", name("stream"), "add the stream to read, e.g. stream: orders");
        Optional<String> group = entry.required("group", name("group"), "add the consumer group, e.g. group: shipping"
                + " (each group gets every message once; the instances of one group share them)");
        Optional<MethodSelector> method = entry.required("method", SectionReader.selector(),
                "add the method to call with each message, e.g. method: com.acme.ShippingService#onOrder(Order)");
        long concurrency = entry.optional("concurrency", 1L, SectionReader.wholeNumber(1, MOST_CONCURRENCY));
        var retry = entry.retry("in 'retry' of a consume rule");
        if (stream.isEmpty() || group.isEmpty() || method.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConsumeRule(stream.get(), group.get(), method.get(), (int) concurrency, retry,
                entry.position()));
    }

    /** Stream and group names go into Redis keys: keep them to what needs no quoting anywhere. */
    private static Function<String, String> name(String what) {
        return text -> {
            if (!NAME.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a " + what + " name; use letters, digits"
                        + " and . _ : - (e.g. orders)");
            }
            if (what.equals("stream") && text.endsWith(".dlq")) {
                throw new IllegalArgumentException("'" + text + "' ends with .dlq, which names dead-letter streams;"
                        + " choose another name");
            }
            return text;
        };
    }
}
