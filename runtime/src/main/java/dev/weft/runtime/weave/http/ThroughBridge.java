package dev.weft.runtime.weave.http;

import dev.weft.bootstrap.WeftBridge;
import java.util.Map;
import net.bytebuddy.asm.MemberSubstitution.Substitution.Chain.Step;
import net.bytebuddy.asm.MemberSubstitution.Target;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.implementation.bytecode.Removal;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.assign.TypeCasting;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
import net.bytebuddy.utility.JavaConstant;

/**
 * A step of a member substitution chain that passes one value of the rewritten call through
 * {@link WeftBridge#outgoingRequest} and casts the answer back to the value's own type. The bridge is on the boot class
 * path, which cannot see {@code java.net.http}, so it takes and returns {@code Object}; the cast makes the rewritten
 * code verify as before.
 */
final class ThroughBridge implements Step<Target>, Step.Factory<Target> {
    private static final MethodDescription OUTGOING_REQUEST;

    static {
        try {
            OUTGOING_REQUEST = new MethodDescription.ForLoadedMethod(
                    WeftBridge.class.getMethod("outgoingRequest", Object.class));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The argument replaced before the original call runs (0 is the receiver), or -1: the call's result. */
    private final int argument;

    private ThroughBridge(int argument) {
        this.argument = argument;
    }

    /** Replaces argument {@code index} (0 is the receiver) with what the bridge makes of it; run before the call. */
    static ThroughBridge argument(int index) {
        return new ThroughBridge(index);
    }

    /** Replaces the call's result with what the bridge makes of it; run after the call. */
    static ThroughBridge result() {
        return new ThroughBridge(-1);
    }

    @Override
    public Step<Target> make(Assigner assigner, Assigner.Typing typing, TypeDescription instrumentedType,
                             MethodDescription instrumentedMethod) {
        return this;
    }

    @Override
    public Resolution resolve(Target target, TypeList.Generic parameters, TypeDescription.Generic result,
                              JavaConstant.MethodHandle methodHandle, StackManipulation original,
                              TypeDescription.Generic current, Map<Integer, Integer> offsets, int freeOffset) {
        if (argument < 0) {
            return new Simple(new StackManipulation.Compound(MethodInvocation.invoke(OUTGOING_REQUEST.asDefined()),
                    TypeCasting.to(current.asErasure())), current);
        }
        TypeDescription.Generic type = parameters.get(argument);
        int offset = offsets.get(argument);
        return new Simple(new StackManipulation.Compound(
                Removal.of(current), // the chain's placeholder for a result not yet computed
                MethodVariableAccess.of(type).loadFrom(offset),
                MethodInvocation.invoke(OUTGOING_REQUEST.asDefined()),
                TypeCasting.to(type.asErasure()),
                MethodVariableAccess.of(type).storeAt(offset)), TypeDefinition.Sort.describe(void.class));
    }
}
