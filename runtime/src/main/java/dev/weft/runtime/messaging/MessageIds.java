package dev.weft.runtime.messaging;

import dev.weft.runtime.key.WovenKeys;
import java.util.Optional;
import java.util.UUID;

/** The ids of one publish method's messages: rendered from the call's arguments by {@code id:}, or unique. */
final class MessageIds {
    private final Optional<WovenKeys> template;

    MessageIds(Optional<WovenKeys> template) {
        this.template = template;
    }

    String of(Class<?> declaringType, Object[] arguments) {
        return template.map(keys -> keys.render(declaringType, arguments))
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
