package dev.weft.runtime.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem found while reading one config file, so the user sees them all at once. */
final class Problems {
    private static final Comparator<ConfigProblem> IN_FILE_ORDER = Comparator.comparing(ConfigProblem::position,
            Comparator.comparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column));

    private final List<ConfigProblem> found = new ArrayList<>();

    void add(SourcePosition position, String message) {
        found.add(new ConfigProblem(position, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** In the order they appear in the file, whatever order the sections were checked in. */
    List<ConfigProblem> inFileOrder() {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(IN_FILE_ORDER);
        return sorted;
    }
}
