package dev.weft.runtime.key;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Finds how to read a property on a declared type through Byte Buddy's descriptions only, so that checking a
 * template never loads a class (the description may come from a {@code TypePool}).
 */
final class PropertyLookup {
    /** A property read, and the declared (erased) type of its value. */
    record Found(Step step, TypeDescription type) {
    }

    private PropertyLookup() {
    }

    /**
     * In order of preference: {@code getX()}, {@code isX()} returning {@code boolean}, {@code x()}, the field
     * {@code x}; each public, not static, searched through superclasses and interfaces (not {@code Object}).
     */
    static Optional<Found> find(TypeDescription type, String property) {
        List<TypeDescription> hierarchy = hierarchy(type);
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

    private static Optional<Found> method(List<TypeDescription> hierarchy, String property, String name,
            boolean mustReturnBoolean) {
        for (TypeDescription type : hierarchy) {
            for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
                TypeDescription returned = m.getReturnType().asErasure();
                if (m.getName().equals(name) && m.isPublic() && !m.isStatic() && !m.isBridge() && !m.isSynthetic()
                        && m.getParameters().isEmpty() && !returned.represents(void.class)
                        && (!mustReturnBoolean || returned.represents(boolean.class))) {
                    return Optional.of(new Found(new Step(property, name, false), returned));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> field(List<TypeDescription> hierarchy, String property) {
        for (TypeDescription type : hierarchy) {
            for (FieldDescription.InDefinedShape f : type.getDeclaredFields()) {
                if (f.getName().equals(property) && f.isPublic() && !f.isStatic()) {
                    return Optional.of(new Found(new Step(property, property, true), f.getType().asErasure()));
                }
            }
        }
        return Optional.empty();
    }

    /** The type first, then its supertypes breadth first, so that the most specific declaration wins. */
    private static List<TypeDescription> hierarchy(TypeDescription type) {
        List<TypeDescription> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<TypeDescription> queue = new ArrayDeque<>(List.of(type));
        while (!queue.isEmpty()) {
            TypeDescription next = queue.removeFirst();
            if (next.represents(Object.class) || !seen.add(next.getName())) {
                continue;
            }
            result.add(next);
            TypeDescription.Generic superClass = next.getSuperClass();
            if (superClass != null) {
                queue.add(superClass.asErasure());
            }
            for (TypeDefinition anInterface : next.getInterfaces()) {
                queue.add(anInterface.asErasure());
            }
        }
        return result;
    }
}
