package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * A configured rule seen only as "which methods, and can it be honoured there": enough for start-up checks and for
 * {@code weft check}, which must not connect to anything.
 */
public interface RuleCheck {
    MethodSelector selector();

    /** Where the rule is written, for messages. */
    SourcePosition position();

    /**
     * Why this rule cannot be honoured on {@code method} (for example a key template naming a missing property),
     * or empty when it can.
     */
    Optional<String> problemWith(MethodDescription method, ClassFileLocator classFiles);
}
