package dev.weft.runtime.messaging;

import java.util.List;

/**
 * What {@code messages:} asks for (docs/outbox.md).
 *
 * @param maxLen  each stream is trimmed to about this many entries ({@code XADD ... MAXLEN ~})
 * @param publish the methods whose normal return publishes a message
 * @param consume the consumer groups this process runs
 */
public record MessageSettings(long maxLen, List<PublishRule> publish, List<ConsumeRule> consume) {
    public static final long DEFAULT_MAX_LEN = 1_000_000;

    public MessageSettings {
        publish = List.copyOf(publish);
        consume = List.copyOf(consume);
    }

    static MessageSettings none() {
        return new MessageSettings(DEFAULT_MAX_LEN, List.of(), List.of());
    }

    public boolean isEmpty() {
        return publish.isEmpty() && consume.isEmpty();
    }
}
