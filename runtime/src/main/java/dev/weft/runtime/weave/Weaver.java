package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the class file transformer ({@link NameFirstTransformer}) that weaves the bridge calls into every method a
 * {@link WeaveRule} selects, with {@link InlineWeaving} or {@link ByteBuddyWeaving}, and applies the
 * {@link CallSiteRewrite}s to the classes that may call what they rewrite. Class formats are never changed (no added
 * fields or methods), so other agents can still retransform the same classes, and classes loaded before the agent
 * started are retransformed.
 */
public final class Weaver {
    private final List<WeaveRule> rules;
    private final List<CallSiteRewrite> rewrites;
    private final WeaveStats stats;
    private final WeavePlanner planner;
    private final ByteBuddyWeaving byteBuddy;

    /** @param loaders told the class loader of every class a rule wove */
    public Weaver(List<WeaveRule> rules, List<CallSiteRewrite> rewrites, SiteRegistry sites, WeaveStats stats,
                  WovenClassLoaders loaders) {
        this.rules = List.copyOf(rules);
        this.rewrites = List.copyOf(rewrites);
        this.stats = stats;
        this.planner = new WeavePlanner(this.rules, sites, stats, loaders);
        this.byteBuddy = new ByteBuddyWeaving(planner, this.rewrites, stats);
        rules.forEach(stats::track);
    }

    /**
     * Registers the transformer and retransforms configured classes that are already loaded. Byte Buddy, where it is
     * needed at all, is built on first need, or earlier by {@link #warmUp()}.
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
        return new NameFirstTransformer(rules, rewrites, stats, new InlineWeaving(planner), byteBuddy.rules,
                byteBuddy.withCallSites);
    }

    /** Byte Buddy's transformer, whatever the rules' advice: tests weave with it and with the inline one, and compare. */
    ClassFileTransformer withByteBuddy() {
        return byteBuddy.rules.get();
    }

    /**
     * Builds Byte Buddy's transformer for the call-site rewrites now, off the application's threads, so that the first
     * class that may hold such calls does not wait. The rules' methods never need it, but in a class file older than
     * Java 7, which is rare enough to build it for on first need.
     */
    public void warmUp() {
        if (!rewrites.isEmpty()) {
            byteBuddy.withCallSites.get();
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

}
