package dev.weft.runtime.weave;

import java.util.List;
import java.util.OptionalInt;

/**
 * What weaving does to one class, decided from its {@link TypeShape} before any byte is written, so that both
 * back-ends ({@link InlineAdvice} and Byte Buddy's advice) apply the same decisions.
 *
 * @param methods          the woven methods, each with its advice and site
 * @param constructorSite  the site told of every new instance ({@link WeaveRule#instanceSite}), if any
 */
record WeavePlan(List<Woven> methods, OptionalInt constructorSite) {
    /** @param siteId the site's id, or -1 for {@link AdviceKind#OUTGOING_REQUEST}, which has none */
    record Woven(String name, String descriptor, AdviceKind advice, int siteId) {
    }

    boolean isEmpty() {
        return methods.isEmpty() && constructorSite.isEmpty();
    }
}
