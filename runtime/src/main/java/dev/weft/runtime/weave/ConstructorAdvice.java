package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of the constructors of a type whose rule tracks instances (TCC participants, so that phase two
 * after a restart can run on the application's own object). The new instance is handed over as the scope of
 * {@link WeftBridge#exit}; a constructor that throws has made no instance, and reports none.
 */
final class ConstructorAdvice {
    private ConstructorAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@SiteId int siteId, @Advice.This Object self) {
        WeftBridge.exit(siteId, self, null);
    }
}
