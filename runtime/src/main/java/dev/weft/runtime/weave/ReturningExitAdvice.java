package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The exit of {@link BridgeAdvice} for a rule that {@linkplain WeaveRule#seesReturnValue() sees return values} (a
 * message whose payload is {@code {return}}): it also hands the bridge the value returned, boxed. Only such methods
 * pay for the boxing.
 */
final class ReturningExitAdvice {
    private ReturningExitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@SiteId int siteId,
                     @Advice.Enter Object scope,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
                     @Advice.Thrown Throwable thrown) {
        if (scope != null) {
            WeftBridge.exitReturning(siteId, scope, returned, thrown);
        }
    }
}
