package dev.weft.runtime.weave;

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
import net.bytebuddy.implementation.bytecode.constant.ClassConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
import net.bytebuddy.utility.JavaConstant;

/**
 * A step of a member substitution chain that passes one value of the rewritten call through a static method of
 * {@link WeftBridge} and casts the answer back to the value's own type. The bridge is on the boot class path, which
 * cannot see {@code java.net.http} nor the application's types, so it takes and returns {@code Object}; the cast makes
 * the rewritten code verify as before.
 */
public final class ThroughBridge implements Step<Target>, Step.Factory<Target> {
    private static final MethodDescription OUTGOING_REQUEST = bridge("outgoingRequest", Object.class);
    private static final MethodDescription HAND_OFF = bridge("handOff", Object.class, Class.class);

    private final MethodDescription bridge;
    /** The argument replaced before the original call runs (0 is the receiver of a virtual call), or -1: the result. */
    private final int argument;
    /** Whether the bridge is also told the value's declared type, as a class constant. */
    private final boolean withType;

    private ThroughBridge(MethodDescription bridge, int argument, boolean withType) {
        this.bridge = bridge;
        this.argument = argument;
        this.withType = withType;
    }

    /** Argument {@code index} becomes what {@link WeftBridge#outgoingRequest} makes of it; run before the call. */
    public static ThroughBridge outgoingRequestArgument(int index) {
        return new ThroughBridge(OUTGOING_REQUEST, index, false);
    }

    /** The call's result becomes what {@link WeftBridge#outgoingRequest} makes of it; run after the call. */
    public static ThroughBridge outgoingRequestResult() {
        return new ThroughBridge(OUTGOING_REQUEST, -1, false);
    }

    /**
     * Argument {@code index} becomes what {@link WeftBridge#handOff} makes of it, told the parameter's declared type;
     * run before the call.
     */
    static ThroughBridge handOffArgument(int index) {
        return new ThroughBridge(HAND_OFF, index, true);
    }

    private static MethodDescription bridge(String name, Class<?>... parameters) {
        try {
            return new MethodDescription.ForLoadedMethod(WeftBridge.class.getMethod(name, parameters));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
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
            return new Simple(new StackManipulation.Compound(pass(current.asErasure()),
                    TypeCasting.to(current.asErasure())), current);
        }
        TypeDescription.Generic type = parameters.get(argument);
        int offset = offsets.get(argument);
        return new Simple(new StackManipulation.Compound(
                Removal.of(current), // the chain's placeholder for a result not yet computed
                MethodVariableAccess.of(type).loadFrom(offset),
                pass(type.asErasure()),
                TypeCasting.to(type.asErasure()),
                MethodVariableAccess.of(type).storeAt(offset)), TypeDefinition.Sort.describe(void.class));
    }

    /** The value is on the stack; afterwards the bridge's answer is. */
    private StackManipulation pass(TypeDescription type) {
        StackManipulation call = MethodInvocation.invoke(bridge.asDefined());
        return withType ? new StackManipulation.Compound(ClassConstant.of(type), call) : call;
    }
}
