package dev.weft.runtime.messaging;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;

/**
 * A {@code messages.publish} entry: when a matched method returns normally, a message goes to {@code stream} through
 * the outbox.
 * Each message gets a unique id, which travels with it to the consumers' {@code weft_inbox}.
 */
public record PublishRule(MethodSelector method, String stream, PayloadTemplate payload, SourcePosition position) {
}
