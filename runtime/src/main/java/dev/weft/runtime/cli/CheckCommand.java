package dev.weft.runtime.cli;

import dev.weft.runtime.Capabilities;
import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.lock.LockRuleCheck;
import dev.weft.runtime.weave.RuleCheck;
import dev.weft.runtime.weave.WeavableMethods;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * {@code weft check --config weft.yaml --classpath <app jars>}: validates the file and lists, per selector, every
 * method it matches in the class path, reading class files without loading or running anything. Exit 0 when the
 * config is valid and every selector matches at least one method that it can be honoured on; 1 otherwise.
 */
final class CheckCommand {
    private final PrintStream out;

    CheckCommand(PrintStream out) {
        this.out = out;
    }

    int run(Path configFile, String classPathSpec) throws Exception {
        WeftConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(p -> out.println(p.format()));
            return 1;
        }
        List<ConfigProblem> unsupported = Capabilities.unsupported(config);
        unsupported.forEach(p -> out.println(p.format()));
        boolean ok = unsupported.isEmpty();

        List<RuleCheck> rules = new ArrayList<>();
        config.locks().forEach(rule -> rules.add(new LockRuleCheck(rule)));
        try (ClassPath classPath = new ClassPath(classPathSpec)) {
            for (String entry : classPath.missing()) {
                out.println("class path entry not found: " + entry);
                ok = false;
            }
            TypePool pool = TypePool.Default.of(classPath.locator());
            for (RuleCheck rule : rules) {
                ok &= report(rule, classPath, pool);
            }
        }
        out.println(ok ? "OK" : "PROBLEMS FOUND");
        return ok ? 0 : 1;
    }

    private boolean report(RuleCheck rule, ClassPath classPath, TypePool pool) {
        out.println(rule.position() + ": " + rule.selector().text());
        int matched = 0;
        boolean ok = true;
        for (String className : classPath.classNames()) {
            Optional<TypeDescription> type = candidate(rule, className, pool);
            if (type.isEmpty()) {
                continue;
            }
            for (MethodDescription method : WeavableMethods.matching(rule.selector(), type.get())) {
                matched++;
                Optional<String> problem = rule.problemWith(method, classPath.locator());
                out.println("    " + signature(type.get(), method) + problem.map(p -> "    ERROR: " + p).orElse(""));
                ok &= problem.isEmpty();
            }
        }
        if (matched == 0) {
            out.println("    matches nothing in this class path");
            return false;
        }
        return ok;
    }

    /** Names first: a type description (which reads the class file) only for names that can match. */
    private static Optional<TypeDescription> candidate(RuleCheck rule, String className, TypePool pool) {
        if (!rule.selector().matchesTypeName(className) && !rule.selector().includeSubtypes()) {
            return Optional.empty();
        }
        TypePool.Resolution resolution = pool.describe(className);
        if (!resolution.isResolved()) {
            return Optional.empty();
        }
        TypeDescription type = resolution.resolve();
        try {
            return WeavableMethods.typeMatches(rule.selector(), type) ? Optional.of(type) : Optional.empty();
        } catch (IllegalStateException unresolvableSupertype) {
            return Optional.empty();
        }
    }

    private static String signature(TypeDescription type, MethodDescription method) {
        List<String> parameters = new ArrayList<>();
        method.getParameters().asTypeList().asErasures().forEach(t -> parameters.add(t.getActualName()));
        return type.getName() + "#" + method.getName() + "(" + String.join(", ", parameters) + ")";
    }
}
