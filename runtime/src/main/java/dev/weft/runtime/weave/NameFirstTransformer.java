package dev.weft.runtime.weave;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;

/**
 * The transformer the JVM calls for every class: it rejects by name alone (then by a byte scan, for the few rules and
 * call-site rewrites that need one), and hands the few candidates to {@link InlineWeaving}; to Byte Buddy's
 * transformer, built on first need (or by a background warm-up), only a class that may hold calls to rewrite or
 * whose class file is older than Java 7. An application with no call-site rewrite never loads Byte Buddy.
 */
final class NameFirstTransformer implements ClassFileTransformer {
    private static final ClassLoader RUNTIME_LOADER = NameFirstTransformer.class.getClassLoader();

    private final List<WeaveRule> rules;
    private final List<CallSiteRewrite> rewrites;
    private final WeaveStats stats;
    private final Supplier<ClassFileTransformer> inline;
    private final Supplier<ClassFileTransformer> weaver;
    private final Supplier<ClassFileTransformer> callSiteWeaver;

    /**
     * @param inline         weaves the rules' methods in classes that pass the rules' tests
     * @param weaver         does the same with Byte Buddy, for class files {@code inline} cannot read
     * @param callSiteWeaver does the same and applies the call-site rewrites, for classes that may hold such calls
     */
    NameFirstTransformer(List<WeaveRule> rules, List<CallSiteRewrite> rewrites, WeaveStats stats,
                         ClassFileTransformer inline, Supplier<ClassFileTransformer> weaver,
                         Supplier<ClassFileTransformer> callSiteWeaver) {
        this.rules = rules;
        this.rewrites = rewrites;
        this.stats = stats;
        this.inline = () -> inline;
        this.weaver = weaver;
        this.callSiteWeaver = callSiteWeaver;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        // Checked first, with nothing but a field: a runtime class that loads while this method runs for the first
        // time (IgnoredTypes, say) comes back here, and must not be asked to load itself again.
        if (loader == RUNTIME_LOADER || internalName == null) {
            return null;
        }
        Supplier<ClassFileTransformer> chosen = choose(internalName.replace('/', '.'), loader, classFile);
        if (chosen == null) {
            return null;
        }
        try {
            return chosen.get().transform(module, loader, internalName, classBeingRedefined, domain, classFile);
        } catch (RuntimeException | LinkageError e) {
            stats.failed(internalName.replace('/', '.'), e); // the JVM would drop it silently, loading the class as it is
            return null;
        }
    }

    /** The transformer for this class, or {@code null} when nothing can apply to it. */
    private Supplier<ClassFileTransformer> choose(String name, ClassLoader loader, byte[] classFile) {
        if (IgnoredTypes.ignores(name, loader)) {
            return null;
        }
        for (CallSiteRewrite rewrite : rewrites) {
            if (rewrite.mayApply(classFile)) {
                return callSiteWeaver;
            }
        }
        for (WeaveRule rule : rules) {
            if (rule.mayMatchTypeName(name) && rule.mayMatchClassFile(classFile)) {
                return InlineWeaving.canWeave(classFile) ? inline : weaver;
            }
        }
        return null;
    }
}
