package dev.weft.runtime.key;

import dev.weft.runtime.weave.MethodShape;
import java.util.ArrayList;
import java.util.List;

/**
 * A lock key template as written in {@code key:}: literal text with {@code {...}} placeholders (SPEC "Lock key
 * templates").
 *
 * <ul>
 *   <li>{@code {0}}: the first argument; {@code {1.customer.id}}: a property path on the second.</li>
 *   <li>{@code {orderId}}, {@code {order.customer.id}}: an argument by name (needs names in the class file).</li>
 *   <li>{@code {{} and {@code }}} are a literal {@code {} and {@code }}.</li>
 *   <li>Two placeholders need a separator that escaped values never contain (see {@link ValueEscaper}), such as
 *       {@code :}, so that different arguments can never render the same key.</li>
 * </ul>
 * The template is parsed when the config is loaded, {@linkplain #resolve resolved} against each method it is woven
 * into, and {@linkplain ResolvedKeyTemplate#bind bound} to reflection at that method's first call.
 */
public final class KeyTemplate {
    private final String text;
    /** One more than there are placeholders: the text before, between and after them. */
    private final List<String> literals;
    private final List<Placeholder> placeholders;

    KeyTemplate(String text, List<String> literals, List<Placeholder> placeholders) {
        this.text = text;
        this.literals = List.copyOf(literals);
        this.placeholders = List.copyOf(placeholders);
    }

    /** @throws IllegalArgumentException saying what is wrong with the template and how to write it */
    public static KeyTemplate parse(String text) {
        return TemplateParser.parse(text);
    }

    public String text() {
        return text;
    }

    List<String> literals() {
        return literals;
    }

    /**
     * Checks every placeholder against {@code method}: the argument exists and each property can be read from its
     * declared type. Loads no class.
     *
     * @param parameterNames the method's argument names, or null when the class file does not have them
     * @throws IllegalArgumentException saying which placeholder does not fit the method, and why
     */
    public ResolvedKeyTemplate resolve(MethodShape method, List<String> parameterNames) {
        String where = describeFor(method.declaringType().name(), method.name());
        PlaceholderResolver resolver = new PlaceholderResolver(method, parameterNames, where);
        List<ResolvedPlaceholder> resolved = new ArrayList<>();
        for (Placeholder placeholder : placeholders) {
            resolved.add(resolver.resolve(placeholder));
        }
        return new ResolvedKeyTemplate(this, resolved);
    }

    /** The start of every message about this template on one method. */
    String describeFor(String typeName, String methodName) {
        return "lock key \"" + text + "\" for " + typeName + "#" + methodName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyTemplate that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
