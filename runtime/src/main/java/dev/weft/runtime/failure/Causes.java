package dev.weft.runtime.failure;

import java.util.function.Predicate;

/** Questions about a failure's chain of causes, which libraries wrap to different depths. */
public final class Causes {
    private Causes() {
    }

    /** Whether {@code failure} or any of its causes passes {@code test}; a cause that is its own ends the chain. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
