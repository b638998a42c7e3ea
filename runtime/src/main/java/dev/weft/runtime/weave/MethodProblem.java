package dev.weft.runtime.weave;

import net.bytebuddy.description.method.MethodDescription;

/** The text of a rule's problem on one method, naming that method exactly once. */
final class MethodProblem {
    private MethodProblem() {
    }

    /** {@code problem}, followed by {@code (Type#method)} unless it already names the method that way. */
    static String naming(String problem, MethodDescription method) {
        String name = method.getDeclaringType().asErasure().getName() + "#" + method.getName();
        return problem.contains(name) ? problem : problem + " (" + name + ")";
    }
}
