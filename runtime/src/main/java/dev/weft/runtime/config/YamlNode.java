package dev.weft.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML file as a tree whose every node remembers where it was written, so each message can point at it. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    SourcePosition position();

    /** What the user wrote, in words, for messages such as "expected a list, found a mapping". */
    String kind();

    /** One {@code key: value} line of a mapping. */
    record Entry(String key, SourcePosition keyPosition, YamlNode value) {
    }

    /** Entries in file order; a duplicate key is a problem and is not stored. */
    record Mapping(SourcePosition position, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(SourcePosition position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * @param text   the scalar exactly as YAML reads it (quotes and escapes already handled), before any
     *               {@code ${NAME}} substitution
     * @param isNull an unquoted empty value, {@code ~} or {@code null}: treated as "not written"
     */
    record Scalar(SourcePosition position, String text, boolean isNull) implements YamlNode {
        @Override
        public String kind() {
            return "a single value";
        }
    }
}
