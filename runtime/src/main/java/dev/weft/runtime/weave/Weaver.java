package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the class file transformer that inlines {@link BridgeAdvice} into every method a {@link WeaveRule}
 * selects. Class formats are never changed (no added fields or methods), so other agents can still retransform the
 * same classes, and classes loaded before the agent started are retransformed.
 */
public final class Weaver {
    private final List<WeaveRule> rules;
    private final SiteRegistry sites;
    private final WeaveStats stats;
    private final ClassFileLocator adviceClassFile;

    public Weaver(List<WeaveRule> rules, SiteRegistry sites, WeaveStats stats) {
        this.rules = List.copyOf(rules);
        this.sites = sites;
        this.stats = stats;
        this.adviceClassFile = ClassFileLocator.ForClassLoader.of(BridgeAdvice.class.getClassLoader());
    }

    public void install(Instrumentation inst) {
        if (rules.isEmpty()) {
            return;
        }
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new ErrorListener(stats))
                .ignore(new IgnoredTypes(Weaver.class.getClassLoader()))
                .type(selectedByAnyRule())
                .transform(this::weave)
                .installOn(inst);
    }

    private ElementMatcher<TypeDescription> selectedByAnyRule() {
        return type -> {
            for (WeaveRule rule : rules) {
                if (WeavableMethods.typeMatches(rule.selector(), type)) {
                    return true;
                }
            }
            return false;
        };
    }

    private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                         JavaModule module, ProtectionDomain domain) {
        ClassFileLocator classFiles = ClassFileLocator.ForClassLoader.of(loader);
        boolean instancesTracked = false;
        for (WeaveRule rule : rules) {
            if (!WeavableMethods.typeMatches(rule.selector(), type)) {
                continue;
            }
            List<MethodDescription.InDefinedShape> methods = WeavableMethods.matching(rule.selector(), type);
            for (MethodDescription.InDefinedShape method : methods) {
                int siteId = sites.register(siteFor(rule, method, classFiles));
                builder = builder.visit(Advice.withCustomMapping()
                        .bind(SiteId.class, siteId)
                        .to(BridgeAdvice.class, adviceClassFile)
                        .on(ElementMatchers.is(method)));
                stats.woven(rule);
                Log.debug("wove " + type.getName() + "#" + method.getName() + method.getDescriptor()
                        + " for " + rule.selector().text() + " (" + rule.position() + ")");
            }
            if (!methods.isEmpty() && !instancesTracked) {
                Optional<Site> instanceSite = rule.instanceSite(type);
                if (instanceSite.isPresent()) {
                    builder = builder.visit(Advice.withCustomMapping()
                            .bind(SiteId.class, sites.register(instanceSite.get()))
                            .to(ConstructorAdvice.class, adviceClassFile)
                            .on(ElementMatchers.isConstructor()));
                    instancesTracked = true; // one site per type is enough, however many rules ask
                }
            }
        }
        return builder;
    }

    private Site siteFor(WeaveRule rule, MethodDescription method, ClassFileLocator classFiles) {
        String problem = rule.problemWith(method, classFiles).orElse(null);
        if (problem == null) {
            return rule.createSite(method, classFiles);
        }
        String message = rule.position() + ": " + problem + " (" + method.getDeclaringType().getTypeName() + "#"
                + method.getName() + "). Every call of this method now fails; fix weft.yaml and restart.";
        Log.error(message);
        stats.rejected();
        return new FailingSite(message);
    }

    /** A type Weft meant to weave but could not is never quiet: it is an error in the log and in the counts. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final WeaveStats stats;

        ErrorListener(WeaveStats stats) {
            this.stats = stats;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            stats.failed();
            Log.error("could not weave " + typeName + "; its configured methods run WITHOUT Weft. Report this"
                    + " with the stack trace (log.level: debug)", error);
        }
    }
}
