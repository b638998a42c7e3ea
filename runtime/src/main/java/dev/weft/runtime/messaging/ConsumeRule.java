package dev.weft.runtime.messaging;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.config.TransactionSettings;

/**
 * A {@code messages.consume} entry: every instance of this application joins {@code group} on {@code stream} and
 * calls {@code method} with each message's payload.
 *
 * @param concurrency how many messages are handled at once; 1 keeps the stream's order
 * @param retry       pauses between attempts of a failing message, and how many before the dead-letter stream
 */
public record ConsumeRule(String stream, String group, MethodSelector method, int concurrency,
                          TransactionSettings.Retry retry, SourcePosition position) {
}
