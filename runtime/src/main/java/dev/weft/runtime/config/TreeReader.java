package dev.weft.runtime.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values out of the YAML tree. A mistake becomes a problem and an empty result, never an exception, so
 * reading goes on and the user sees every problem at once.
 */
final class TreeReader {
    private final Problems problems;
    private final EnvSubstitution env;

    TreeReader(Problems problems, EnvSubstitution env) {
        this.problems = problems;
        this.env = env;
    }

    void problem(SourcePosition at, String message) {
        problems.add(at, message);
    }

    /**
     * @param name    how messages refer to the node, e.g. {@code redis} or {@code each entry of locks}
     * @param where   how messages place a key inside it, e.g. {@code in 'redis'} or {@code in a lock}
     * @param allowed its keys, in the order messages list them; any other key is a problem
     */
    Optional<Fields> fields(YamlNode node, String name, String where, List<String> allowed) {
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(new Fields(mapping, where, allowed, this));
        }
        problem(node.position(), name + ": expected a mapping of " + String.join(", ", allowed) + "; found "
                + node.kind());
        return Optional.empty();
    }

    List<YamlNode> items(YamlNode node, String name) {
        if (node instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        problem(node.position(), name + ": expected a list (one '- ' line per entry); found " + node.kind());
        return List.of();
    }

    /**
     * The scalar after {@code ${NAME}} substitution, parsed. Empty when the node holds no value ({@code key:} alone)
     * and, after recording a problem, when it is not a scalar or the parser rejects it.
     */
    <T> Optional<T> value(YamlNode node, String name, Function<String, T> parser) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            problem(node.position(), name + ": expected a single value; found " + node.kind());
            return Optional.empty();
        }
        if (scalar.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(env.apply(scalar.text())));
        } catch (IllegalArgumentException e) {
            problem(scalar.position(), name + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
