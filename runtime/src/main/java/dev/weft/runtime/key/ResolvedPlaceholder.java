package dev.weft.runtime.key;

import java.util.List;

/** A placeholder checked against one method: which argument it reads and through which members. */
record ResolvedPlaceholder(Placeholder placeholder, int argument, List<Step> steps) {
    ResolvedPlaceholder {
        steps = List.copyOf(steps);
    }
}
