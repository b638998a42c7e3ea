package dev.weft.runtime.messaging;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.key.KeyTemplate;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code messages.publish} entry: when a matched method returns normally, a message goes to {@code stream}, through
 * the outbox (docs/outbox.md) or as a prepared message (docs/transactional-messages.md).
 * Each message gets an id, which travels with it to the consumers' {@code weft_inbox}: rendered from the arguments by
 * {@code id} like a lock key, or a unique one.
 *
 * @param checkAfter prepared: how long a prepared message may wait before any instance checks it back
 * @param checkBack  prepared: the application's {@code boolean method(String id)} that answers the check-back,
 *                   instead of the method's own database
 */
public record PublishRule(MethodSelector method, String stream, PayloadTemplate payload, Optional<KeyTemplate> id,
                          Mode mode,
                          Duration checkAfter, Optional<MethodSelector> checkBack, SourcePosition position) {
    public static final Duration DEFAULT_CHECK_AFTER = Duration.ofSeconds(10);

    public enum Mode {
        /** The message row commits with the method's transaction (weft_outbox). */
        OUTBOX,
        /** The message waits in Redis, unseen, until the transaction's outcome is known (weft_msg_barrier). */
        PREPARED
    }
}
