package dev.weft.runtime.notification;

import dev.weft.runtime.weave.Descriptors;
import dev.weft.runtime.weave.MethodShape;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * A notification method as a record names it, {@code com.acme.Client#notifyPaid(Ljava/lang/String;J)V}: its class,
 * name and descriptor, enough for any instance to find it again.
 */
record MethodRef(String typeName, String name, String descriptor) {
    static MethodRef of(MethodShape method) {
        return new MethodRef(method.declaringType().name(), method.name(), method.descriptor());
    }

    static MethodRef parse(String text) {
        int hash = text.indexOf('#');
        int paren = text.indexOf('(', hash);
        if (hash <= 0 || paren < 0) {
            throw new IllegalArgumentException("not a recorded method: " + text);
        }
        return new MethodRef(text.substring(0, hash), text.substring(hash + 1, paren), text.substring(paren));
    }

    String text() {
        return typeName + "#" + name + descriptor;
    }

    /** The method declared by {@code type}, made accessible; empty when it has no such method. */
    Optional<Method> in(Class<?> type) {
        for (Method candidate : type.getDeclaredMethods()) {
            if (candidate.getName().equals(name) && Descriptors.of(candidate).equals(descriptor)) {
                candidate.setAccessible(true);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
