package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;

/**
 * The code inlined into every woven method. It only calls {@link WeftBridge} with a constant site id, so it needs no
 * new fields or methods (no class format change) and stays correct whatever other agents do to the same class.
 *
 * <p>Enter returning {@code null} skips the body (the method returns its type's default value, as {@code onBusy: skip}
 * requires); enter throwing stops the call before the body runs.
 */
final class BridgeAdvice {
    private BridgeAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnDefaultValue.class)
    static Object enter(@SiteId int siteId,
                        @Advice.Origin Class<?> declaringType,
                        @Advice.This(optional = true) Object self,
                        @Advice.AllArguments Object[] arguments) {
        return WeftBridge.enter(siteId, declaringType, self, arguments);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@SiteId int siteId, @Advice.Enter Object scope, @Advice.Thrown Throwable thrown) {
        if (scope != null) {
            WeftBridge.exit(siteId, scope, thrown);
        }
    }
}
