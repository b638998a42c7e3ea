package dev.weft.runtime.weave;

import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Checks rules against the classes already on the system class path, without loading them, so that a key template
 * naming a missing property stops the JVM at start-up (exit 78) instead of failing at the first call. Classes that
 * are not found here (other class loaders, generated at run time) are checked again when they are woven.
 */
public final class StartupCheck {
    private StartupCheck() {
    }

    public static List<ConfigProblem> check(List<? extends RuleCheck> rules) {
        ClassFileLocator classFiles = ClassFileLocator.ForClassLoader.ofSystemLoader();
        TypePool pool = TypePool.Default.of(classFiles);
        List<ConfigProblem> problems = new ArrayList<>();
        for (RuleCheck rule : rules) {
            Optional<String> typeName = rule.selector().exactTypeName();
            if (typeName.isEmpty()) {
                continue;
            }
            TypePool.Resolution resolution = pool.describe(typeName.get());
            if (!resolution.isResolved()) {
                Log.debug(typeName.get() + " is not on the system class path; " + rule.selector().text()
                        + " is checked when its class loads");
                continue;
            }
            TypeDescription type = resolution.resolve();
            List<MethodDescription.InDefinedShape> methods = WeavableMethods.matching(rule.selector(), type);
            if (methods.isEmpty()) {
                Log.warn(rule.position() + ": " + rule.selector().text() + " matches no method of " + type.getName()
                        + "; check the method name and parameter types");
            }
            for (MethodDescription method : methods) {
                rule.problemWith(Described.method(method, classFiles)).ifPresent(problem -> problems.add(new ConfigProblem(
                        rule.position(), problem + " (" + type.getName() + "#" + method.getName() + ")")));
            }
        }
        return problems;
    }
}
