package dev.weft.runtime.weave;

import dev.weft.runtime.log.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;

/**
 * The transformer the JVM calls for every class: it rejects by name alone, and hands the few candidates to Byte
 * Buddy's transformer, which is built on first need (or by a background warm-up). An application whose configured
 * classes load late, or never, pays nothing for Byte Buddy before its {@code main}.
 */
final class NameFirstTransformer implements ClassFileTransformer {
    private static final ClassLoader RUNTIME_LOADER = NameFirstTransformer.class.getClassLoader();

    private final List<? extends RuleCheck> rules;
    private final Supplier<ClassFileTransformer> weaver;

    NameFirstTransformer(List<? extends RuleCheck> rules, Supplier<ClassFileTransformer> weaver) {
        this.rules = rules;
        this.weaver = weaver;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        // Checked first, with nothing but a field: a runtime class that loads while this method runs for the first
        // time (IgnoredTypes, say) comes back here, and must not be asked to load itself again.
        if (loader == RUNTIME_LOADER || internalName == null || !isCandidate(internalName.replace('/', '.'), loader)) {
            return null;
        }
        try {
            return weaver.get().transform(module, loader, internalName, classBeingRedefined, domain, classFile);
        } catch (RuntimeException | LinkageError e) {
            // The JVM would drop this silently and load the class as it is: say so, loudly.
            Log.error("could not weave " + internalName.replace('/', '.') + "; its configured methods run WITHOUT"
                    + " Weft. Report this with the stack trace (log.level: debug)", e);
            return null;
        }
    }

    boolean isCandidate(String name, ClassLoader loader) {
        if (IgnoredTypes.ignores(name, loader)) {
            return false;
        }
        for (RuleCheck rule : rules) {
            if (rule.mayMatchTypeName(name)) {
                return true;
            }
        }
        return false;
    }
}
