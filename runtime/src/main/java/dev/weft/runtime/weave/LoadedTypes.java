package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;

/** Selector matching for classes that are already loaded, by reflection (no class files are read). */
final class LoadedTypes {
    private LoadedTypes() {
    }

    static boolean matches(MethodSelector selector, Class<?> type) {
        if (selector.matchesTypeName(type.getName())) {
            return true;
        }
        return selector.includeSubtypes() && hasMatchingSupertype(selector, type);
    }

    private static boolean hasMatchingSupertype(MethodSelector selector, Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (selector.matchesTypeName(current.getName()) || hasMatchingInterface(selector, current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMatchingInterface(MethodSelector selector, Class<?> type) {
        for (Class<?> iface : type.getInterfaces()) {
            if (selector.matchesTypeName(iface.getName()) || hasMatchingInterface(selector, iface)) {
                return true;
            }
        }
        return false;
    }
}
