package dev.weft.runtime.key;

import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.TypeShape;
import java.util.ArrayList;
import java.util.List;

/** Checks the placeholders of one template against one method, from the class file alone, loading no class. */
final class PlaceholderResolver {
    private final List<TypeShape> parameterTypes;
    private final List<String> parameterNames;
    private final String where;

    /** @param where the start of every message: which template, on which method */
    PlaceholderResolver(MethodShape method, List<String> parameterNames, String where) {
        this.parameterTypes = method.parameterTypes();
        this.parameterNames = parameterNames != null && parameterNames.size() == parameterTypes.size()
                ? parameterNames : null;
        this.where = where;
    }

    ResolvedPlaceholder resolve(Placeholder placeholder) {
        int argument = argument(placeholder);
        TypeShape type = parameterTypes.get(argument);
        List<Step> steps = new ArrayList<>();
        for (String property : placeholder.path()) {
            PropertyLookup.Found found = property(placeholder, steps.size(), type, property);
            steps.add(found.step());
            type = found.type();
        }
        return new ResolvedPlaceholder(placeholder, argument, steps);
    }

    private int argument(Placeholder placeholder) {
        int count = parameterTypes.size();
        if (placeholder.name() == null) {
            if (placeholder.index() >= count) {
                throw bad(placeholder, count == 0 ? "the method has no arguments"
                        : "the method has " + count + " argument" + (count == 1 ? "" : "s")
                        + ", so the index goes up to " + (count - 1));
            }
            return placeholder.index();
        }
        if (parameterNames == null) {
            throw bad(placeholder, "argument names are not in the class file: compile with -parameters (or -g),"
                    + " or use {0}-style indexes");
        }
        int index = parameterNames.indexOf(placeholder.name());
        if (index < 0) {
            throw bad(placeholder, "the method has no argument named '" + placeholder.name() + "'; its arguments are "
                    + (count == 0 ? "none" : String.join(", ", parameterNames)));
        }
        return index;
    }

    private PropertyLookup.Found property(Placeholder placeholder, int steps, TypeShape type, String property) {
        String owner = placeholder.describe(steps);
        if (type.isPrimitive()) {
            throw bad(placeholder, owner + " is of type " + type.name() + ", which has no properties");
        }
        if (type.isArray()) {
            throw bad(placeholder, owner + " is an array (" + type.actualName() + "), which has no properties");
        }
        if (type.is(Object.class)) {
            throw bad(placeholder, owner + " is declared as java.lang.Object, so its properties are unknown;"
                    + " declare a more specific type, or key on the value itself");
        }
        try {
            return PropertyLookup.find(type, property).orElseThrow(() -> bad(placeholder, type.name()
                    + " has no public get" + PropertyLookup.capitalize(property) + "(), is"
                    + PropertyLookup.capitalize(property) + "(), "
                    + property + "() or field " + property));
        } catch (IllegalStateException e) {
            throw bad(placeholder, "cannot inspect " + type.name() + " or one of its supertypes: "
                    + e.getMessage());
        }
    }

    private IllegalArgumentException bad(Placeholder placeholder, String what) {
        return new IllegalArgumentException(where + ": " + placeholder.text() + ": " + what);
    }
}
