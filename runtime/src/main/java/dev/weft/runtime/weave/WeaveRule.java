package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** One configured behaviour (a lock, later a TCC hook) and the methods it applies to. */
public interface WeaveRule {
    MethodSelector selector();

    /** Where the rule is written, for messages. */
    SourcePosition position();

    /**
     * Why this rule cannot be honoured on {@code method} (for example a key template naming a missing property),
     * or empty when it can. Used at start-up for classes already on the class path, and again when weaving.
     */
    Optional<String> problemWith(MethodDescription method, ClassFileLocator classFiles);

    /** The site for one matched method; only called when {@link #problemWith} found nothing. */
    Site createSite(MethodDescription method, ClassFileLocator classFiles);
}
