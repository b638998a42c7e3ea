package dev.weft.runtime.weave;

import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.OnUnmatched;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.log.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Checks rules against the classes already on the system class path, without loading them, so that a key template
 * naming a missing property stops the JVM at start-up (exit 78) instead of failing at the first call. Classes that
 * are not found here (other class loaders, generated at run time) are checked again when they are woven.
 *
 * <p>A selector naming a class that is not there, or a method that class does not have, is a config error with
 * {@code onUnmatched: halt}; otherwise the second is a warning now and the first one for {@link UnmatchedReport}
 * later, since another class loader may still bring the class (docs/configuration.md, "When a selector matches
 * nothing").
 */
public final class StartupCheck {
    private final OnUnmatched onUnmatched;
    private final Set<SourcePosition> warned = new HashSet<>();

    public StartupCheck(OnUnmatched onUnmatched) {
        this.onUnmatched = onUnmatched;
    }

    public List<ConfigProblem> check(List<? extends RuleCheck> rules) {
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
                if (onUnmatched == OnUnmatched.HALT) {
                    problems.add(new ConfigProblem(rule.position(), "class " + typeName.get() + " is not on the class"
                            + " path at start-up, so " + rule.selector().text() + " would protect nothing; fix the"
                            + " class name (nested classes with $), or remove onUnmatched: halt if another class"
                            + " loader brings that class later (a fat jar's or a web application's)"));
                } else {
                    Log.debug(typeName.get() + " is not on the system class path; " + rule.selector().text()
                            + " is checked when its class loads");
                }
                continue;
            }
            TypeDescription type = resolution.resolve();
            List<MethodDescription.InDefinedShape> methods = WeavableMethods.matching(rule.selector(), type);
            if (methods.isEmpty()) {
                noMethod(rule, type, problems);
            }
            for (MethodDescription method : methods) {
                rule.problemWith(Described.method(method, classFiles)).ifPresent(problem -> problems.add(
                        new ConfigProblem(rule.problemPosition(), MethodProblem.naming(problem, method))));
            }
        }
        return problems;
    }

    /** Rules warned about here, so that {@link UnmatchedReport} does not say it a second time. */
    public Set<SourcePosition> warned() {
        return Set.copyOf(warned);
    }

    /** With {@code +}, the named type may be an interface whose methods are all abstract: its subtypes are woven. */
    private void noMethod(RuleCheck rule, TypeDescription type, List<ConfigProblem> problems) {
        if (rule.selector().includeSubtypes()) {
            return;
        }
        String message = rule.selector().text() + " matches no method of " + type.getName()
                + "; check the method name and parameter types";
        if (onUnmatched == OnUnmatched.HALT) {
            problems.add(new ConfigProblem(rule.position(), message));
        } else {
            Log.warn(rule.position() + ": " + message);
            warned.add(rule.position());
        }
    }
}
