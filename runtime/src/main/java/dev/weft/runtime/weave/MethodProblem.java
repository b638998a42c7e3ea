package dev.weft.runtime.weave;

/** The text of a rule's problem on one method, naming that method exactly once. */
final class MethodProblem {
    private MethodProblem() {
    }

    /** {@code problem}, followed by {@code (Type#method)} unless it already names the method that way. */
    static String naming(String problem, MethodShape method) {
        String name = method.displayName();
        return problem.contains(name) ? problem : problem + " (" + name + ")";
    }
}
