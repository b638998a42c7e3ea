package dev.weft.runtime.weave;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.weft.runtime.config.MethodSelector;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Which methods of a type a selector picks: SPEC section 3 "Method selectors". */
public final class WeavableMethods {
    /** Constructors, synthetic, bridge, abstract and native methods are never woven. */
    private static final ElementMatcher<MethodDescription> WEAVABLE =
            isMethod().and(not(isSynthetic())).and(not(isBridge())).and(not(isAbstract())).and(not(isNative()));

    private WeavableMethods() {
    }

    public static boolean typeMatches(MethodSelector selector, TypeDescription type) {
        if (selector.matchesTypeName(type.getName())) {
            return true;
        }
        return selector.includeSubtypes() && hasMatchingSupertype(selector, type);
    }

    public static List<MethodDescription.InDefinedShape> matching(MethodSelector selector, TypeDescription type) {
        List<MethodDescription.InDefinedShape> found = new ArrayList<>();
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (WEAVABLE.matches(method) && selector.matchesMethodName(method.getName())
                    && selector.matchesParameters(parameterTypeNames(method))) {
                found.add(method);
            }
        }
        return found;
    }

    private static List<String> parameterTypeNames(MethodDescription method) {
        List<String> names = new ArrayList<>(method.getParameters().size());
        for (TypeDescription type : method.getParameters().asTypeList().asErasures()) {
            names.add(type.getActualName());
        }
        return names;
    }

    private static boolean hasMatchingSupertype(MethodSelector selector, TypeDescription type) {
        for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
            TypeDescription erasure = current.asErasure();
            if (selector.matchesTypeName(erasure.getName()) || hasMatchingInterface(selector, erasure)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMatchingInterface(MethodSelector selector, TypeDescription type) {
        for (TypeDescription iface : type.getInterfaces().asErasures()) {
            if (selector.matchesTypeName(iface.getName()) || hasMatchingInterface(selector, iface)) {
                return true;
            }
        }
        return false;
    }
}
