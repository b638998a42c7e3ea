package dev.weft.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One YAML mapping of the schema: its keys already checked against the allowed ones. */
final class Fields {
    private final YamlNode.Mapping mapping;
    private final String where;
    private final TreeReader reader;

    Fields(YamlNode.Mapping mapping, String where, List<String> allowed, TreeReader reader) {
        this.mapping = mapping;
        this.where = where;
        this.reader = reader;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                reader.problem(entry.keyPosition(), "unknown key '" + entry.key() + "' " + where
                        + Suggestions.hint(entry.key(), allowed));
            }
        }
    }

    /** Stands in for a mapping that is empty or unusable, so that every value takes its default. */
    static Fields none(SourcePosition position, TreeReader reader) {
        return new Fields(new YamlNode.Mapping(position, Map.of()), "", List.of(), reader);
    }

    SourcePosition position() {
        return mapping.position();
    }

    /** Where {@code key} is written, when it is. */
    Optional<SourcePosition> keyPosition(String key) {
        return entry(key).map(YamlNode.Entry::keyPosition);
    }

    /** Where the value of {@code key} is written, when it has one. */
    Optional<SourcePosition> valuePosition(String key) {
        return node(key).map(YamlNode::position);
    }

    /** The value of {@code key}, or {@code fallback} when it is not written or is wrong (then with a problem). */
    <T> T optional(String key, T fallback, Function<String, T> parser) {
        return node(key).flatMap(node -> reader.value(node, key, parser)).orElse(fallback);
    }

    /** Like {@link #optional} without a fallback: a missing value is a problem that ends with {@code whatToDo}. */
    <T> Optional<T> required(String key, Function<String, T> parser, String whatToDo) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            reader.problem(keyPosition(key).orElse(position()), "missing '" + key + "' " + where + "; " + whatToDo);
            return Optional.empty();
        }
        return reader.value(node.get(), key, parser);
    }

    /** The nested mapping under {@code key}; empty when it is not written (or wrong, with a problem). */
    Optional<Fields> fields(String key, String where, List<String> allowed) {
        return node(key).flatMap(node -> reader.fields(node, key, where, allowed));
    }

    /** The items of the list under {@code key}; none when it is not written (or wrong, with a problem). */
    List<YamlNode> items(String key) {
        return node(key).map(node -> reader.items(node, key)).orElse(List.of());
    }

    private Optional<YamlNode.Entry> entry(String key) {
        return Optional.ofNullable(mapping.entries().get(key));
    }

    /** A key followed by nothing ({@code lease:}) counts as not written, as YAML reads it as null. */
    private Optional<YamlNode> node(String key) {
        return entry(key)
                .map(YamlNode.Entry::value)
                .filter(value -> !(value instanceof YamlNode.Scalar scalar && scalar.isNull()));
    }
}
