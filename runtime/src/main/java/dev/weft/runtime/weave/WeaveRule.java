package dev.weft.runtime.weave;

import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** A rule the weaver applies: its checks, plus the site that does the work around each matched method. */
public interface WeaveRule extends RuleCheck {
    /** The site for one matched method; only called when {@link #problemWith} found nothing. */
    Site createSite(MethodDescription method, ClassFileLocator classFiles);

    /**
     * A site told of every instance of {@code type} as its constructor returns (the instance arrives as the scope of
     * {@link Site#exit}), or empty. Asked only for types in which this rule matched a method.
     */
    default Optional<Site> instanceSite(TypeDescription type) {
        return Optional.empty();
    }

    /**
     * {@code true} for hooks on hot library methods (JDBC) that only watch: they get {@link ObservingAdvice}, which
     * passes no argument array and never skips the body. {@code false}: {@link BridgeAdvice}.
     */
    default boolean observesOnly() {
        return false;
    }

    /**
     * {@code true} for a library's HTTP client method whose first argument is the request about to be sent: it gets
     * {@link OutgoingRequestAdvice}, which replaces that argument with what {@code WeftBridge.outgoingRequest} makes
     * of it. Such a rule has no site: {@link #createSite} is never asked.
     */
    default boolean passesRequestThroughBridge() {
        return false;
    }
}
