package dev.weft.runtime.key;

import java.util.List;

/**
 * One {@code {...}} of a key template.
 *
 * @param text  as written, braces included, for messages
 * @param index the argument index, or -1 when the argument is named
 * @param name  the argument name, or null when it is given by index
 * @param path  property names to follow from the argument; empty for the argument itself
 */
record Placeholder(String text, int index, String name, List<String> path) {
    Placeholder {
        path = List.copyOf(path);
    }

    /** {@code argument 1} or {@code argument 'order'}, followed by the first {@code steps} properties. */
    String describe(int steps) {
        String argument = name == null ? "argument " + index : "argument '" + name + "'";
        return steps == 0 ? argument
                : argument + " property '" + String.join(".", path.subList(0, steps)) + "'";
    }
}
