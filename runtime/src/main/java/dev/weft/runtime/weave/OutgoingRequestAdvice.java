package dev.weft.runtime.weave;

import dev.weft.bootstrap.WeftBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined into a library's HTTP client method whose first argument is a request about to be sent
 * ({@link WeaveRule#passesRequestThroughBridge()}): the method goes on with what {@link WeftBridge#outgoingRequest}
 * makes of the request, a copy carrying a transaction's headers or the same request. The bridge takes and returns
 * {@code Object}, since it cannot see the library; the dynamic typing casts the answer back to the parameter's type.
 * Nothing else: no site, no exit, no new member; the bridge throwing stops the call before the body runs.
 */
final class OutgoingRequestAdvice {
    private OutgoingRequestAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
        request = WeftBridge.outgoingRequest(request);
    }
}
