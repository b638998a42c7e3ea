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
        ClassFileTypes types = new ClassFileTypes(ClassLoader.getSystemClassLoader());
        List<ConfigProblem> problems = new ArrayList<>();
        for (RuleCheck rule : rules) {
            Optional<String> typeName = rule.selector().exactTypeName();
            if (typeName.isEmpty()) {
                continue;
            }
            Optional<TypeShape> type = types.find(typeName.get());
            if (type.isEmpty()) {
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
            List<MethodShape> methods = WeavableMethods.matching(rule.selector(), type.get());
            if (methods.isEmpty()) {
                noMethod(rule, type.get(), problems);
            }
            for (MethodShape method : methods) {
                rule.problemWith(method).ifPresent(problem -> problems.add(
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
    private void noMethod(RuleCheck rule, TypeShape type, List<ConfigProblem> problems) {
        if (rule.selector().includeSubtypes()) {
            return;
        }
        String message = rule.selector().text() + " matches no method of " + type.name()
                + "; check the method name and parameter types";
        if (onUnmatched == OnUnmatched.HALT) {
            problems.add(new ConfigProblem(rule.position(), message));
        } else {
            Log.warn(rule.position() + ": " + message);
            warned.add(rule.position());
        }
    }
}
