package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;
import java.util.ArrayList;
import java.util.List;

/** Which methods of a type a selector picks: SPEC section 3 "Method selectors". */
public final class WeavableMethods {
    private WeavableMethods() {
    }

    /**
     * @throws IllegalStateException for a {@code +Type} selector when a supertype's class file cannot be found
     */
    public static boolean typeMatches(MethodSelector selector, TypeShape type) {
        if (selector.matchesTypeName(type.name())) {
            return true;
        }
        return selector.includeSubtypes() && hasMatchingSupertype(selector, type);
    }

    /** Constructors, generated (synthetic, bridge), abstract and native methods are never woven. */
    public static List<MethodShape> matching(MethodSelector selector, TypeShape type) {
        List<MethodShape> found = new ArrayList<>();
        for (MethodShape method : type.declaredMethods()) {
            if (!method.isGenerated() && method.hasCode() && selector.matchesMethodName(method.name())
                    && selector.matchesParameters(method.parameterTypes().stream().map(TypeShape::actualName).toList())) {
                found.add(method);
            }
        }
        return found;
    }

    private static boolean hasMatchingSupertype(MethodSelector selector, TypeShape type) {
        for (TypeShape current = type; current != null; current = current.superClass()) {
            if (selector.matchesTypeName(current.name()) || hasMatchingInterface(selector, current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMatchingInterface(MethodSelector selector, TypeShape type) {
        for (TypeShape anInterface : type.interfaces()) {
            if (selector.matchesTypeName(anInterface.name()) || hasMatchingInterface(selector, anInterface)) {
                return true;
            }
        }
        return false;
    }
}
