package dev.weft.runtime.weave;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** A rule the weaver applies: its checks, plus the site that does the work around each matched method. */
public interface WeaveRule extends RuleCheck {
    /** The site for one matched method; only called when {@link #problemWith} found nothing. */
    Site createSite(MethodDescription method, ClassFileLocator classFiles);

    /**
     * {@code true} for hooks on hot library methods (JDBC) that only watch: they get {@link ObservingAdvice}, which
     * passes no argument array and never skips the body. {@code false}: {@link BridgeAdvice}.
     */
    default boolean observesOnly() {
        return false;
    }
}
