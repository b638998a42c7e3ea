package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
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
 * selects, and applies the {@link CallSiteRewrite}s to the classes that may call what they rewrite. Class formats are never changed (no added fields or methods), so other agents can still retransform the
 * same classes, and classes loaded before the agent started are retransformed.
 */
public final class Weaver {
    private final List<WeaveRule> rules;
    private final List<CallSiteRewrite> rewrites;
    private final SiteRegistry sites;
    private final WeaveStats stats;
    private final WovenClassLoaders loaders;
    private final ClassFileLocator adviceClassFile;
    private final Lazy<ClassFileTransformer> byteBuddy = new Lazy<>(this::ruleTransformer);
    private final Lazy<ClassFileTransformer> withCallSites = new Lazy<>(this::callSiteTransformer);

    /** @param loaders told the class loader of every class a rule wove */
    public Weaver(List<WeaveRule> rules, List<CallSiteRewrite> rewrites, SiteRegistry sites, WeaveStats stats,
                  WovenClassLoaders loaders) {
        this.rules = List.copyOf(rules);
        this.rewrites = List.copyOf(rewrites);
        this.sites = sites;
        this.stats = stats;
        this.loaders = loaders;
        rules.forEach(stats::track);
        this.adviceClassFile = ClassFileLocator.ForClassLoader.of(BridgeAdvice.class.getClassLoader());
    }

    /**
     * Registers the transformer and retransforms configured classes that are already loaded. Byte Buddy itself is
     * built on first need, or earlier by {@link #warmUp()}.
     */
    public void install(Instrumentation inst) {
        if (rules.isEmpty() && rewrites.isEmpty()) {
            return;
        }
        inst.addTransformer(transformer(), true);
        retransformLoaded(inst);
    }

    /** The transformer {@link #install} registers; tests apply it to class files directly. */
    public ClassFileTransformer transformer() {
        return new NameFirstTransformer(rules, rewrites, byteBuddy, withCallSites);
    }

    /** Builds Byte Buddy's transformer now, off the application's threads, so the first woven class does not wait. */
    public void warmUp() {
        if (!rules.isEmpty()) {
            byteBuddy.get();
        }
        if (!rewrites.isEmpty()) {
            withCallSites.get();
        }
    }

    private ClassFileTransformer ruleTransformer() {
        return byteBuddyTransformer(selectedByAnyRule(), List.of());
    }

    /**
     * Every class reaching it may hold calls to rewrite, as its bytes said: no type matching left to do. These are
     * libraries too (Netty, say), which another agent that ran first may have given interfaces it generated at run
     * time, with no class file to read: such a type is described from its loaded class instead.
     */
    private ClassFileTransformer callSiteTransformer() {
        return byteBuddyTransformer(ElementMatchers.any(), rewrites, AgentBuilder.PoolStrategy.ClassLoading.FAST);
    }

    private ClassFileTransformer byteBuddyTransformer(ElementMatcher<? super TypeDescription> types,
                                                      List<CallSiteRewrite> applied) {
        return byteBuddyTransformer(types, applied, AgentBuilder.PoolStrategy.Default.FAST);
    }

    private ClassFileTransformer byteBuddyTransformer(ElementMatcher<? super TypeDescription> types,
                                                      List<CallSiteRewrite> applied,
                                                      AgentBuilder.PoolStrategy pool) {
        return newAgentBuilder()
                .with(pool)
                .disableClassFormatChanges()
                .with(new ErrorListener(stats))
                .ignore(new IgnoredTypes())
                .type(types)
                .transform((builder, type, loader, module, domain) -> {
                    DynamicType.Builder<?> woven = weave(builder, type, loader);
                    for (CallSiteRewrite rewrite : applied) {
                        woven = woven.visit(rewrite.visitor());
                    }
                    return woven;
                })
                .makeRaw();
    }

    /**
     * {@code AgentBuilder.Default} eagerly prepares Byte Buddy's "Nexus" (which we never use, since class formats
     * stay unchanged), and that touches {@code sun.misc.Unsafe}: Java 24+ then prints a deprecation warning into the
     * application's output. Byte Buddy reads this property once, when it first needs it, so it is set only for the
     * moment of construction and the application's own Byte Buddy, if any, never sees it.
     */
    private static AgentBuilder newAgentBuilder() {
        String property = "net.bytebuddy.nexus.disabled";
        String previous = System.setProperty(property, "true");
        try {
            return new AgentBuilder.Default();
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }

    /** Classes loaded before the agent started (or, when attached late, all of them) are woven too. */
    private void retransformLoaded(Instrumentation inst) {
        List<Class<?>> selected = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(type) && !IgnoredTypes.ignores(type.getName(), type.getClassLoader())
                    && rules.stream().anyMatch(rule -> rule.mayMatchTypeName(type.getName())
                            && LoadedTypes.matches(rule.selector(), type))) {
                selected.add(type);
            }
        }
        if (selected.isEmpty()) {
            return;
        }
        try {
            inst.retransformClasses(selected.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException e) {
            stats.failed();
            Log.error("could not weave already loaded classes " + selected + "; their configured methods run"
                    + " WITHOUT Weft. Start the agent with -javaagent rather than attaching it", e);
        }
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

    private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
        ClassFileLocator classFiles = ClassFileLocator.ForClassLoader.of(loader);
        boolean instancesTracked = false;
        for (WeaveRule rule : rules) {
            if (!WeavableMethods.typeMatches(rule.selector(), type)) {
                continue;
            }
            SelectorStats selector = stats.track(rule);
            List<MethodDescription.InDefinedShape> methods = WeavableMethods.matching(rule.selector(), type);
            for (MethodDescription.InDefinedShape method : methods) {
                if (rule.passesRequestThroughBridge()) {
                    builder = builder.visit(Advice.to(OutgoingRequestAdvice.class, adviceClassFile)
                            .on(ElementMatchers.is(method)));
                } else if (rule.answersInsteadOfBody()) {
                    // Not counted: CountingSite would wrap the answer, which this advice reads as it is
                    int siteId = sites.register(siteFor(rule, method, classFiles));
                    builder = builder.visit(Advice.withCustomMapping().bind(SiteId.class, siteId)
                            .to(AnsweringAdvice.class, adviceClassFile).on(ElementMatchers.is(method)));
                } else {
                    int siteId = sites.register(new CountingSite(siteFor(rule, method, classFiles), selector));
                    builder = builder.visit(adviceFor(rule, siteId).on(ElementMatchers.is(method)));
                }
                selector.woven();
                Log.debug("wove " + type.getName() + "#" + method.getName() + method.getDescriptor()
                        + " for " + rule.selector().text() + " (" + rule.position() + ")");
            }
            if (!methods.isEmpty()) {
                loaders.add(loader);
            }
            if (!methods.isEmpty() && !instancesTracked) {
                Optional<Site> instanceSite = rule.instanceSite(Described.type(type, classFiles));
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

    private Advice adviceFor(WeaveRule rule, int siteId) {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(SiteId.class, siteId);
        if (rule.observesOnly()) {
            return mapping.to(ObservingAdvice.class, adviceClassFile);
        }
        if (rule.replacesReturnValue()) {
            return mapping.to(BridgeAdvice.class, ReplacingExitAdvice.class, adviceClassFile);
        }
        if (rule.seesReturnValue()) {
            return mapping.to(BridgeAdvice.class, ReturningExitAdvice.class, adviceClassFile);
        }
        if (rule.absorbsFailures()) {
            return mapping.to(BridgeAdvice.class, AbsorbingExitAdvice.class, adviceClassFile);
        }
        return mapping.to(BridgeAdvice.class, adviceClassFile);
    }

    private Site siteFor(WeaveRule rule, MethodDescription method, ClassFileLocator classFiles) {
        MethodShape shape = Described.method(method, classFiles);
        String problem = rule.problemWith(shape).orElse(null);
        if (problem == null) {
            return rule.createSite(shape);
        }
        String message = rule.problemPosition() + ": " + MethodProblem.naming(problem, method)
                + ". Every call of this method now fails; fix the config and restart.";
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
