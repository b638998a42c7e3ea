package dev.weft.runtime.weave;

import java.lang.instrument.ClassFileTransformer;
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
 * The Byte Buddy back-end: weaves a {@link WeavePlan} by inlining the advice classes ({@link BridgeAdvice} and the
 * rest), and applies the {@link CallSiteRewrite}s. {@link NameFirstTransformer} sends it the classes that
 * {@link InlineWeaving} cannot weave; nothing of Byte Buddy is loaded before one of them, or the background
 * warm-up, asks for it.
 */
final class ByteBuddyWeaving {
    private final WeavePlanner planner;
    private final List<CallSiteRewrite> rewrites;
    private final WeaveStats stats;
    private final Lazy<ClassFileLocator> adviceClassFile = new Lazy<>(
            () -> ClassFileLocator.ForClassLoader.of(BridgeAdvice.class.getClassLoader()));
    final Lazy<ClassFileTransformer> rules = new Lazy<>(this::ruleTransformer);
    final Lazy<ClassFileTransformer> withCallSites = new Lazy<>(this::callSiteTransformer);

    ByteBuddyWeaving(WeavePlanner planner, List<CallSiteRewrite> rewrites, WeaveStats stats) {
        this.planner = planner;
        this.rewrites = rewrites;
        this.stats = stats;
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
                .ignore((type, loader, module, redefined, domain) -> IgnoredTypes.ignores(type.getName(), loader))
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
