package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides the {@link WeavePlan} of a class from its shape: which rules select which methods, and the site of each,
 * registered as it is decided. A rule that cannot be honoured on a method gets a {@link FailingSite}, so the method
 * fails every call instead of running unprotected.
 */
final class WeavePlanner {
    private final List<WeaveRule> rules;
    private final SiteRegistry sites;
    private final WeaveStats stats;
    private final WovenClassLoaders loaders;

    WeavePlanner(List<WeaveRule> rules, SiteRegistry sites, WeaveStats stats, WovenClassLoaders loaders) {
        this.rules = rules;
        this.sites = sites;
        this.stats = stats;
        this.loaders = loaders;
    }

    /**
     * Whether any rule selects this type (Byte Buddy's type matcher; the plan of a type no rule selects is empty); may
     * read supertypes' class files for a {@code +Type} selector.
     */
    boolean selects(TypeShape type) {
        for (WeaveRule rule : rules) {
            if (WeavableMethods.typeMatches(rule.selector(), type)) {
                return true;
            }
        }
        return false;
    }

    WeavePlan plan(TypeShape type, ClassLoader loader) {
        List<WeavePlan.Woven> woven = new ArrayList<>();
        OptionalInt constructorSite = OptionalInt.empty();
        for (WeaveRule rule : rules) {
            if (!WeavableMethods.typeMatches(rule.selector(), type)) {
                continue;
            }
            SelectorStats selector = stats.track(rule);
            AdviceKind advice = AdviceKind.of(rule);
            List<MethodShape> methods = WeavableMethods.matching(rule.selector(), type);
            for (MethodShape method : methods) {
                int siteId = siteFor(rule, advice, method, selector);
                woven.add(new WeavePlan.Woven(method.name(), method.descriptor(), advice, siteId));
                selector.woven();
                Log.debug("wove " + type.name() + "#" + method.name() + method.descriptor() + " for "
                        + rule.selector().text() + " (" + rule.position() + ")");
            }
            if (!methods.isEmpty()) {
                loaders.add(loader);
                if (constructorSite.isEmpty()) { // one site per type is enough, however many rules ask
                    Optional<Site> instanceSite = rule.instanceSite(type);
                    if (instanceSite.isPresent()) {
                        constructorSite = OptionalInt.of(sites.register(instanceSite.get()));
                    }
                }
            }
        }
        return new WeavePlan(woven, constructorSite);
    }

    private int siteFor(WeaveRule rule, AdviceKind advice, MethodShape method, SelectorStats selector) {
        return switch (advice) {
            case OUTGOING_REQUEST -> -1;
            // Not counted: CountingSite would wrap the answer, which AnsweringAdvice reads as it is
            case ANSWERING -> sites.register(checkedSite(rule, method));
            default -> sites.register(new CountingSite(checkedSite(rule, method), selector));
        };
    }

    private Site checkedSite(WeaveRule rule, MethodShape method) {
        String problem = rule.problemWith(method).orElse(null);
        if (problem == null) {
            return rule.createSite(method);
        }
        String message = rule.problemPosition() + ": " + MethodProblem.naming(problem, method)
                + ". Every call of this method now fails; fix the config and restart.";
        Log.error(message);
        stats.rejected();
        return new FailingSite(message);
    }
}
