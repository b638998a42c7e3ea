package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.util.Optional;

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
    Optional<String> problemWith(MethodShape method);

    /** Where the value {@link #problemWith} complains about is written, so that a message points at it. */
    default SourcePosition problemPosition() {
        return position();
    }

    /**
     * A test on the class name alone, run for every class the JVM loads before anything else is known about it:
     * {@code false} rules the class out. With a {@code +Type} selector any class may be a subtype, so by default
     * nothing is ruled out; a rule that knows more about its subtypes' names overrides this.
     *
     * @param binaryName dotted, as in {@code com.acme.Outer$Inner}
     */
    default boolean mayMatchTypeName(String binaryName) {
        return selector().includeSubtypes() || selector().matchesTypeName(binaryName);
    }

    /**
     * A second cheap test, on the class file's bytes, for a rule whose candidates cannot be told by name (implementers
     * of an interface the JDK defines, say); run only when {@link #mayMatchTypeName} passed. {@code false} rules the
     * class out before Byte Buddy parses it.
     */
    default boolean mayMatchClassFile(byte[] classFile) {
        return true;
    }

    /**
     * {@code false} for the hooks Weft adds on its own (JDBC, HTTP propagation), which are not selectors the user wrote:
     * one that matches nothing only means the application does not use that library, so it is not reported.
     */
    default boolean fromConfig() {
        return true;
    }
}
