package dev.weft.runtime.weave;

import java.util.Optional;

/**
 * A rule the weaver applies: its checks, plus the site that does the work around each matched method. It says which
 * advice it wants with its flags; the weaver alone turns that into Byte Buddy advice (docs/architecture.md).
 */
public interface WeaveRule extends RuleCheck {
    /** The site for one matched method; only called when {@link #problemWith} found nothing. */
    Site createSite(MethodShape method);

    /**
     * A site told of every instance of {@code type} as its constructor returns (the instance arrives as the scope of
     * {@link Site#exit}), or empty. Asked only for types in which this rule matched a method.
     */
    default Optional<Site> instanceSite(TypeShape type) {
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
     * {@code true} for a rule whose site needs the method's return value: it gets {@link BridgeAdvice}'s enter with
     * {@link ReturningExitAdvice}, and its site's {@link Site#exit(Object, Object, Throwable)} is called.
     */
    default boolean seesReturnValue() {
        return false;
    }

    /**
     * {@code true} for a rule whose site may turn a {@code void} method's failure into a normal return (a best-effort
     * notification, retried in the background): it gets {@link BridgeAdvice}'s enter with {@link AbsorbingExitAdvice},
     * and its site's {@link Site#exitAbsorbing} is called. The rule must refuse methods that do not return void.
     */
    default boolean absorbsFailures() {
        return false;
    }

    /**
     * {@code true} for a rule whose site may hand the caller another object than the one the method returned (an XA
     * method's connections): it gets {@link BridgeAdvice}'s enter with {@link ReplacingExitAdvice}, and its site's
     * {@link Site#exitReplacing} is called. Its site's {@code enter} must never answer {@code null}, which would skip
     * the body.
     */
    default boolean replacesReturnValue() {
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

    /**
     * {@code true} for a library method whose answer the site may give instead of the body (a container's
     * {@code HttpServletRequest.getSession}): it gets {@link AnsweringAdvice}. The site's {@link Site#enter} then
     * answers {@code null} to run the body, or a one-element {@code Object[]} holding the value to return; its
     * {@link Site#exit} is never called.
     */
    default boolean answersInsteadOfBody() {
        return false;
    }
}
