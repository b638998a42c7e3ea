package dev.weft.runtime.weave;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Weaves a class with plain ASM ({@link InlineAdvice}), its shape read by {@link ClassFileTypes}: no Byte Buddy class
 * is loaded, which is most of what an agent costs an application's start-up. Chosen by {@link NameFirstTransformer}
 * for classes whose every candidate rule is of an {@linkplain AdviceKind#inline() inline kind}.
 */
final class InlineWeaving implements ClassFileTransformer {
    /** Java 7: stack map frames are required from here on, so there are no JSR/RET and every jump target has one. */
    private static final int FIRST_VERSION = 51;

    private final WeavePlanner planner;

    InlineWeaving(WeavePlanner planner) {
        this.planner = planner;
    }

    /** Class files older than Java 7 are left to Byte Buddy. */
    static boolean canWeave(byte[] classFile) {
        return classFile.length > 8 && ((classFile[6] & 0xff) << 8 | classFile[7] & 0xff) >= FIRST_VERSION;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) {
        WeavePlan plan = planner.plan(new ClassFileTypes(loader).parse(classFile), loader);
        return plan.isEmpty() ? null : InlineAdvice.weave(classFile, plan);
    }
}
