package dev.weft.runtime.key;

import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.TypeShape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds how to read a property on a declared type from its {@link TypeShape} only, so that checking a template never
 * loads a class (the shape may come from a class file that is not loaded).
 */
final class PropertyLookup {
    /** A property read, and the declared (erased) type of its value. */
    record Found(Step step, TypeShape type) {
    }

    private PropertyLookup() {
    }

    /**
     * In order of preference: {@code getX()}, {@code isX()} returning {@code boolean}, {@code x()}, the field
     * {@code x}; each public, not static, searched through superclasses and interfaces (not {@code Object}).
     */
    static Optional<Found> find(TypeShape type, String property) {
        List<TypeShape> hierarchy = hierarchy(type);
        String capitalized = capitalize(property);
        return method(hierarchy, property, "get" + capitalized, false)
                .or(() -> method(hierarchy, property, "is" + capitalized, true))
                .or(() -> method(hierarchy, property, property, false))
                .or(() -> field(hierarchy, property));
    }

    /** {@code customer} to {@code Customer}, as in {@code getCustomer()}. */
    static String capitalize(String property) {
        return Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    private static Optional<Found> method(List<TypeShape> hierarchy, String property, String name,
            boolean mustReturnBoolean) {
        for (TypeShape type : hierarchy) {
            for (MethodShape m : type.declaredMethods()) {
                if (!m.name().equals(name) || !m.isPublic() || m.isStatic() || m.isGenerated()
                        || !m.parameterTypes().isEmpty()) {
                    continue;
                }
                TypeShape returned = m.returnType();
                if (!returned.is(void.class) && (!mustReturnBoolean || returned.is(boolean.class))) {
                    return Optional.of(new Found(new Step(property, name, false), returned));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> field(List<TypeShape> hierarchy, String property) {
        for (TypeShape type : hierarchy) {
            for (TypeShape.FieldShape f : type.declaredFields()) {
                if (f.name().equals(property) && f.isPublic() && !f.isStatic()) {
                    return Optional.of(new Found(new Step(property, property, true), f.type()));
                }
            }
        }
        return Optional.empty();
    }

    /** The type first, then its supertypes breadth first, so that the most specific declaration wins. */
    private static List<TypeShape> hierarchy(TypeShape type) {
        List<TypeShape> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<TypeShape> queue = new ArrayDeque<>(List.of(type));
        while (!queue.isEmpty()) {
            TypeShape next = queue.removeFirst();
            if (next.is(Object.class) || !seen.add(next.name())) {
                continue;
            }
            result.add(next);
            TypeShape superClass = next.superClass();
            if (superClass != null) {
                queue.add(superClass);
            }
            queue.addAll(next.interfaces());
        }
        return result;
    }
}
