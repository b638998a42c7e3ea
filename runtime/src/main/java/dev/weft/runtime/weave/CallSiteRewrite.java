package dev.weft.runtime.weave;

import net.bytebuddy.asm.AsmVisitorWrapper;

/**
 * Rewrites calls to a member inside application and library classes, for members Weft must not weave themselves
 * (JDK classes): the call sites change, the callee does not. Method bodies only; no class format change.
 */
public interface CallSiteRewrite {
    /**
     * A test on the bytes of every class the JVM loads that is not ignored outright, so it must be cheap:
     * {@code false} when the class cannot contain such a call.
     */
    boolean mayApply(byte[] classFile);

    /** Applied to every method of a class that passed {@link #mayApply}; finds and rewrites the calls. */
    AsmVisitorWrapper visitor();
}
