package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
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

    /**
     * Registers the transformer and retransforms configured classes that are already loaded. Byte Buddy itself is
     * warmed up on a background thread, so it is usually ready before the first configured class loads.
     */
    public void install(Instrumentation inst) {
        if (rules.isEmpty()) {
            return;
        }
        Lazy<ClassFileTransformer> byteBuddy = new Lazy<>(this::byteBuddyTransformer);
        inst.addTransformer(new NameFirstTransformer(rules, byteBuddy), true);
        retransformLoaded(inst);
        Thread warmUp = new Thread(byteBuddy::get, "weft-weaver-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private ClassFileTransformer byteBuddyTransformer() {
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(new ErrorListener(stats))
                .ignore(new IgnoredTypes())
                .type(selectedByAnyRule())
                .transform(this::weave)
                .makeRaw();
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

    private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                                         JavaModule module, ProtectionDomain domain) {
        ClassFileLocator classFiles = ClassFileLocator.ForClassLoader.of(loader);
        for (WeaveRule rule : rules) {
            if (!WeavableMethods.typeMatches(rule.selector(), type)) {
                continue;
            }
            for (MethodDescription.InDefinedShape method : WeavableMethods.matching(rule.selector(), type)) {
                int siteId = sites.register(siteFor(rule, method, classFiles));
                builder = builder.visit(Advice.withCustomMapping()
                        .bind(SiteId.class, siteId)
                        .to(rule.observesOnly() ? ObservingAdvice.class : BridgeAdvice.class, adviceClassFile)
                        .on(ElementMatchers.is(method)));
                stats.woven(rule);
                Log.debug("wove " + type.getName() + "#" + method.getName() + method.getDescriptor()
                        + " for " + rule.selector().text() + " (" + rule.position() + ")");
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
