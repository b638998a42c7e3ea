package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;

/**
 * The exit of {@link BridgeAdvice} for a rule that {@linkplain WeaveRule#absorbsFailures() absorbs failures} (a
 * best-effort notification): the bridge answers what the method throws, and {@code null} makes it return normally.
 * Woven only into {@code void} methods, so a normal return needs no value. Still only a bridge call: no class format
 * change.
 */
final class AbsorbingExitAdvice {
    private AbsorbingExitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@SiteId int siteId,
                     @Advice.Enter Object scope,
                     @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (scope != null) {
            thrown = WeftBridge.exitAbsorbing(siteId, scope, thrown);
        }
    }
}
