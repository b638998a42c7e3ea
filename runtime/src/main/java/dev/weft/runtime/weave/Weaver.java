package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
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
    private final WeaveStats stats;
    private final WeavePlanner planner;
    private final Lazy<ClassFileLocator> adviceClassFile = new Lazy<>(
            () -> ClassFileLocator.ForClassLoader.of(BridgeAdvice.class.getClassLoader()));
    private final Lazy<ClassFileTransformer> byteBuddy = new Lazy<>(this::ruleTransformer);
    private final Lazy<ClassFileTransformer> withCallSites = new Lazy<>(this::callSiteTransformer);

    /** @param loaders told the class loader of every class a rule wove */
    public Weaver(List<WeaveRule> rules, List<CallSiteRewrite> rewrites, SiteRegistry sites, WeaveStats stats,
                  WovenClassLoaders loaders) {
        this.rules = List.copyOf(rules);
        this.rewrites = List.copyOf(rewrites);
        this.stats = stats;
        this.planner = new WeavePlanner(this.rules, sites, stats, loaders);
        rules.forEach(stats::track);
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
        return new NameFirstTransformer(rules, rewrites, stats, new InlineWeaving(planner), byteBuddy, withCallSites);
    }

    /** Byte Buddy's transformer, whatever the rules' advice: tests weave with it and with the inline one, and compare. */
    ClassFileTransformer withByteBuddy() {
        return byteBuddy.get();
    }

    /**
     * Builds Byte Buddy's transformer now, off the application's threads, for the rules {@link InlineAdvice} cannot
     * weave, so that the first class they select does not wait. Rules it can weave never need Byte Buddy.
     */
    public void warmUp() {
        if (rules.stream().anyMatch(rule -> !AdviceKind.of(rule).inline())) {
            byteBuddy.get();
        }
        if (!rewrites.isEmpty()) {
            withCallSites.get();
        }
    }

    private ClassFileTransformer ruleTransformer() {
        return byteBuddyTransformer(this::selectedByAnyRule, List.of());
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

    private boolean selectedByAnyRule(TypeDescription type) {
        return planner.selects(Described.type(type, ClassFileLocator.NoOp.INSTANCE));
    }

    private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader) {
        WeavePlan plan = planner.plan(Described.type(type, ClassFileLocator.ForClassLoader.of(loader)), loader);
        for (WeavePlan.Woven method : plan.methods()) {
            ElementMatcher<MethodDescription> named = ElementMatchers.<MethodDescription>named(method.name())
                    .and(ElementMatchers.hasDescriptor(method.descriptor()));
            builder = builder.visit(advice(method).on(named));
        }
        if (plan.constructorSite().isPresent()) {
            builder = builder.visit(Advice.withCustomMapping().bind(SiteId.class, plan.constructorSite().getAsInt())
                    .to(ConstructorAdvice.class, adviceClassFile.get()).on(ElementMatchers.isConstructor()));
        }
        return builder;
    }

    private Advice advice(WeavePlan.Woven method) {
        Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(SiteId.class, method.siteId());
        ClassFileLocator advice = adviceClassFile.get();
        return switch (method.advice()) {
            case OUTGOING_REQUEST -> Advice.to(OutgoingRequestAdvice.class, advice);
            case ANSWERING -> mapping.to(AnsweringAdvice.class, advice);
            case OBSERVING -> mapping.to(ObservingAdvice.class, advice);
            case REPLACING -> mapping.to(BridgeAdvice.class, ReplacingExitAdvice.class, advice);
            case RETURNING -> mapping.to(BridgeAdvice.class, ReturningExitAdvice.class, advice);
            case ABSORBING -> mapping.to(BridgeAdvice.class, AbsorbingExitAdvice.class, advice);
            case ENTER_EXIT -> mapping.to(BridgeAdvice.class, advice);
        };
    }

    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final WeaveStats stats;

        ErrorListener(WeaveStats stats) {
            this.stats = stats;
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            stats.failed(typeName, error);
        }
    }
}
