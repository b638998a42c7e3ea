package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The exit of {@link BridgeAdvice} for a rule that {@linkplain WeaveRule#replacesReturnValue() replaces return values}
 * (inside an XA method, {@code DataSource.getConnection} hands out an enlisted connection instead of the pool's): the
 * bridge answers what the method returns. The answer is cast to the method's return type; a method that threw keeps
 * its exception. Still only a bridge call: no class format change.
 */
final class ReplacingExitAdvice {
    private ReplacingExitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@SiteId int siteId,
                     @Advice.Enter Object scope,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                     @Advice.Thrown Throwable thrown) {
        if (scope != null) {
            returned = WeftBridge.exitReplacing(siteId, scope, returned, thrown);
        }
    }
}
