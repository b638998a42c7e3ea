package dev.weft.runtime.key;

import java.lang.reflect.Method;
import java.util.List;

/** A key template checked against one method; {@link #bind} turns it into that method's renderer. */
public final class ResolvedKeyTemplate {
    private final KeyTemplate template;
    private final List<ResolvedPlaceholder> placeholders;

    ResolvedKeyTemplate(KeyTemplate template, List<ResolvedPlaceholder> placeholders) {
        this.template = template;
        this.placeholders = List.copyOf(placeholders);
    }

    public KeyTemplate template() {
        return template;
    }

    List<ResolvedPlaceholder> placeholders() {
        return placeholders;
    }

    /**
     * Looks up, once, the members that read each property, on the method's declared parameter types.
     *
     * @param method the method this template was resolved against, now loaded
     * @throws IllegalStateException when a member has gone or cannot be made accessible
     */
    public KeyRenderer bind(Method method) {
        String where = template.describeFor(method.getDeclaringClass().getName(), method.getName());
        Class<?>[] parameterTypes = method.getParameterTypes();
        BoundPlaceholder[] bound = new BoundPlaceholder[placeholders.size()];
        for (int i = 0; i < bound.length; i++) {
            ResolvedPlaceholder placeholder = placeholders.get(i);
            if (placeholder.argument() >= parameterTypes.length) {
                throw new IllegalStateException(where + ": the template was checked against a method with more"
                        + " arguments than this one");
            }
            bound[i] = BoundPlaceholder.bind(placeholder, parameterTypes[placeholder.argument()], where);
        }
        return new KeyRenderer(template.literals().toArray(String[]::new), bound);
    }
}
