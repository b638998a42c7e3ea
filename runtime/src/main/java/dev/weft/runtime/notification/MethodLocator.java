package dev.weft.runtime.notification;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds a recorded call's method in this JVM: in the class loaders of the application's woven classes, then the
 * system class loader (loading the class if it is not loaded yet, which weaves it).
 */
final class MethodLocator {
    private final Supplier<List<ClassLoader>> loaders;
    private final Map<String, Method> found = new ConcurrentHashMap<>();

    MethodLocator(Supplier<List<ClassLoader>> loaders) {
        this.loaders = loaders;
    }

    Optional<Method> find(String recorded) {
        Method method = found.get(recorded);
        if (method != null) {
            return Optional.of(method);
        }
        MethodRef ref = MethodRef.parse(recorded);
        List<ClassLoader> candidates = new ArrayList<>(loaders.get());
        candidates.add(ClassLoader.getSystemClassLoader());
        for (ClassLoader loader : candidates) {
            try {
                Optional<Method> in = ref.in(Class.forName(ref.typeName(), false, loader));
                if (in.isPresent()) {
                    found.put(recorded, in.get());
                    return in;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this loader: try the next
            }
        }
        return Optional.empty();
    }
}
