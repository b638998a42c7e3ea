package dev.weft.runtime.key;

import dev.weft.runtime.weave.Descriptors;
import dev.weft.runtime.weave.MethodShape;
import java.lang.reflect.Method;

/**
 * The keys of one woven method: its template, checked at weave time, bound to reflection on the method's first call
 * (when its class is loaded and reflection on it is safe), then rendered from each call's arguments.
 */
public final class WovenKeys {
    private final ResolvedKeyTemplate template;
    private final String methodName;
    private final String descriptor;
    private volatile KeyRenderer renderer;

    public WovenKeys(ResolvedKeyTemplate template, MethodShape method) {
        this.template = template;
        this.methodName = method.name();
        this.descriptor = method.descriptor();
    }

    /**
     * @throws dev.weft.api.LockKeyException when a value on a placeholder's path is null, or has no
     *                                       {@code toString()} of its own
     */
    public String render(Class<?> declaringType, Object[] arguments) {
        KeyRenderer bound = renderer;
        if (bound == null) {
            bound = template.bind(reflect(declaringType));
            renderer = bound;
        }
        return bound.render(arguments);
    }

    private Method reflect(Class<?> declaringType) {
        for (Method candidate : declaringType.getDeclaredMethods()) {
            if (candidate.getName().equals(methodName) && Descriptors.of(candidate).equals(descriptor)) {
                return candidate;
            }
        }
        throw new IllegalStateException("weft: woven method " + declaringType.getName() + "#" + methodName
                + descriptor + " not found by reflection");
    }
}
