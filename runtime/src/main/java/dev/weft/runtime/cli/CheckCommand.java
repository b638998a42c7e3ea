package dev.weft.runtime.cli;

import dev.weft.runtime.Features;
import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.weave.ClassFileTypes;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.RuleCheck;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeavableMethods;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<Feature> features = Features.all();
        WeftConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv(), Features.sections(features));
        } catch (ConfigException e) {
            e.problems().forEach(p -> out.println(p.format()));
            out.println("PROBLEMS FOUND: " + Tally.count(e.problems().size(), "config error", "config errors"));
            return Cli.PROBLEM;
        }
        Tally tally = new Tally();

        List<Feature.Check> rules = features.stream().flatMap(feature -> feature.checks(config).stream())
                .toList();
        try (ClassPath classPath = new ClassPath(classPathSpec)) {
            out.println("Checking " + configFile + " against " + classPath.classNames().size() + " classes in "
                    + classPathSpec);
            for (String entry : classPath.missing()) {
                out.println("class path entry not found: " + entry);
            }
            tally.missingEntries = classPath.missing().size();
            ClassFileTypes types = new ClassFileTypes(classPath.classFiles());
            for (Feature.Check rule : rules) {
                report(rule, classPath, types, tally);
            }
        }
        out.println();
        out.println(tally.summary(rules.size()));
        return tally.ok() ? Cli.OK : Cli.PROBLEM;
    }

    private void report(Feature.Check rule, ClassPath classPath, ClassFileTypes types, Tally tally) {
        out.println(rule.rule().position() + ": " + rule.kind() + " " + rule.rule().selector().text());
        if (rule.note() != null) {
            out.println("    NOTE: " + rule.note());
        }
        int matched = 0;
        for (String className : classPath.classNames()) {
            Optional<TypeShape> type = candidate(rule.rule(), className, types);
            if (type.isEmpty()) {
                continue;
            }
            for (MethodShape method : WeavableMethods.matching(rule.rule().selector(), type.get())) {
                matched++;
                out.println("    " + signature(method));
                Optional<String> problem = rule.rule().problemWith(method);
                problem.ifPresent(p -> out.println("        ERROR: " + p));
                tally.matchedMethods++;
                tally.badMethods += problem.isPresent() ? 1 : 0;
            }
        }
        if (matched == 0) {
            out.println("    MATCHES NOTHING in this class path: check the class name (nested classes with $), the"
                    + " method name and the parameter types");
            tally.unmatchedSelectors++;
        }
    }

    /** Names first: a type description (which reads the class file) only for names that can match. */
    private static Optional<TypeShape> candidate(RuleCheck rule, String className, ClassFileTypes types) {
        if (!rule.selector().matchesTypeName(className) && !rule.selector().includeSubtypes()) {
            return Optional.empty();
        }
        Optional<TypeShape> type = types.find(className);
        try {
            return type.filter(found -> WeavableMethods.typeMatches(rule.selector(), found));
        } catch (IllegalStateException unresolvableSupertype) {
            return Optional.empty();
        }
    }

    private static String signature(MethodShape method) {
        List<String> parameters = method.parameterTypes().stream().map(TypeShape::actualName).toList();
        return method.displayName() + "(" + String.join(", ", parameters) + ")";
    }

    private static final class Tally {
        int configErrors;
        int missingEntries;
        int matchedMethods;
        int badMethods;
        int unmatchedSelectors;

        boolean ok() {
            return configErrors + missingEntries + badMethods + unmatchedSelectors == 0;
        }

        String summary(int selectors) {
            if (ok()) {
                return "OK: " + count(selectors, "selector", "selectors") + ", "
                        + count(matchedMethods, "method", "methods") + " matched";
            }
            List<String> problems = new ArrayList<>();
            add(problems, configErrors, "config error", "config errors");
            add(problems, missingEntries, "class path entry not found", "class path entries not found");
            add(problems, unmatchedSelectors, "selector matches nothing", "selectors match nothing");
            add(problems, badMethods, "method cannot be woven as configured", "methods cannot be woven as configured");
            return "PROBLEMS FOUND: " + String.join(", ", problems);
        }

        private static void add(List<String> problems, int n, String one, String many) {
            if (n > 0) {
                problems.add(count(n, one, many));
            }
        }

        private static String count(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
