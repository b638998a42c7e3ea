package dev.weft.runtime.session;

import java.util.List;
import java.util.Set;

/**
 * The JDK classes {@code serializer: java} always reads back: values and the common collections, none of which runs
 * code of its own choosing while it is read. Nothing else of the JDK (no proxies, no handlers, no
 * {@code javax.management}, no {@code PriorityQueue} with its comparator).
 */
final class JdkValueTypes {
    private static final Set<String> CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number",
            "java.lang.Enum", "java.lang.Object",
            "java.math.BigInteger", "java.math.BigDecimal",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.Date", "java.util.UUID", "java.util.Locale", "java.util.Currency",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$EmptyList",
            "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap",
            "java.util.Collections$SingletonSet", "java.util.Arrays$ArrayList",
            "java.net.URI",
            // HashMap and HashSet check the size of their table as a Map.Entry[] before they read it
            "java.util.Map$Entry");

    /**
     * Whole packages of immutable values; also what their serial proxies ({@code java.time.Ser},
     * {@code ImmutableCollections$CollSer}) resolve to, which the filter is asked about too.
     */
    private static final List<String> PREFIXES = List.of("java.time.", "java.util.ImmutableCollections$");

    private JdkValueTypes() {
    }

    static boolean admits(Class<?> type) {
        String name = type.getName();
        return CLASSES.contains(name) || (type.isEnum() && name.startsWith("java."))
                || PREFIXES.stream().anyMatch(name::startsWith);
    }
}
