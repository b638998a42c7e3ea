package dev.weft.runtime.messaging;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.instances.Instances;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A one-argument method of the application that Weft calls (a consumer group's, a prepared message's check-back),
 * found by name in the application's class loaders once its class is there, and
 * the object to call it on: the application's own instance when it made one (a DI bean), else one made with the
 * no-argument constructor.
 */
final class ApplicationMethod {
    private final MethodSelector selector;
    private final String typeName;
    private final Instances instances;
    private final Supplier<List<ClassLoader>> loaders;
    private volatile Method method;

    ApplicationMethod(MethodSelector selector, String typeName, Instances instances,
                      Supplier<List<ClassLoader>> loaders) {
        this.selector = selector;
        this.typeName = typeName;
        this.instances = instances;
        this.loaders = loaders;
    }

    String displayName() {
        return typeName + "#" + selector.text().substring(selector.text().indexOf('#') + 1);
    }

    /** The method, once its class can be found in a loader the application uses; empty before. */
    Optional<Method> resolve() {
        Method found = method;
        if (found == null) {
            found = find().orElse(null);
            method = found;
        }
        return Optional.ofNullable(found);
    }

    /**
     * @throws IllegalStateException when there is no instance to call it on (no live one, and no no-argument
     *     constructor): a failed attempt, retried like any other
     */
    Object target(Method resolved) {
        if (Modifier.isStatic(resolved.getModifiers())) {
            return null;
        }
        return instances.instanceOf(resolved.getDeclaringClass()).orElseThrow(() -> new IllegalStateException(
                "no instance of " + typeName + " to call " + resolved.getName() + " on: the application made none yet"
                        + " and it has no no-argument constructor"));
    }

    private Optional<Method> find() {
        List<ClassLoader> candidates = new ArrayList<>(loaders.get());
        candidates.add(ClassLoader.getSystemClassLoader());
        for (ClassLoader loader : candidates) {
            Class<?> type;
            try {
                type = Class.forName(typeName, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Method candidate : type.getDeclaredMethods()) {
                if (selector.matchesMethodName(candidate.getName()) && candidate.getParameterCount() == 1
                        && !candidate.isSynthetic() && selector.matchesParameters(
                        List.of(candidate.getParameterTypes()[0].getName()))) {
                    candidate.setAccessible(true);
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
