package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined into a library method whose answer Weft gives instead of the library
 * ({@link WeaveRule#answersInsteadOfBody()}: a container's {@code HttpServletRequest.getSession}). The site answers
 * {@code null} to let the body run as it is, or a one-element {@code Object[]} holding what the method returns
 * (which may itself be {@code null}); the body is then skipped. Only bridge calls and JDK types: no class format
 * change. The dynamic typing casts (or unboxes) the answer to the method's return type.
 */
final class AnsweringAdvice {
    private AnsweringAdvice() {
    }

    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static Object enter(@SiteId int siteId,
                        @Advice.Origin Class<?> declaringType,
                        @Advice.This(optional = true) Object self,
                        @Advice.AllArguments Object[] arguments) {
        return WeftBridge.enter(siteId, declaringType, self, arguments);
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Enter Object answer,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        if (answer != null) {
            returned = ((Object[]) answer)[0];
        }
    }
}
