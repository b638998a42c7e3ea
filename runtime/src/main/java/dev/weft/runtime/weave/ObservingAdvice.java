package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;

/**
 * The code inlined into hot library methods that Weft only watches (the JDBC barrier's hooks on every driver's
 * {@code execute*}, {@code commit}, ...). Unlike {@link BridgeAdvice} it builds no argument array, so a call with
 * nothing to do costs a bridge call and a thread-local read, and the site's answer never skips the body: {@code null}
 * only means "no exit call needed". Enter throwing still stops the call before the body runs.
 */
final class ObservingAdvice {
    private ObservingAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@SiteId int siteId,
                        @Advice.Origin Class<?> declaringType,
                        @Advice.This(optional = true) Object self) {
        return WeftBridge.enter(siteId, declaringType, self, null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@SiteId int siteId, @Advice.Enter Object scope, @Advice.Thrown Throwable thrown) {
        if (scope != null) {
            WeftBridge.exit(siteId, scope, thrown);
        }
    }
}
