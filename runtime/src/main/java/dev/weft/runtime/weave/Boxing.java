package dev.weft.runtime.weave;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The bytecode {@link InlineAdvice} needs to pass primitives as objects and back, as Byte Buddy's dynamic typing does. */
final class Boxing {
    private Boxing() {
    }

    /** Turns the value of {@code type} on the stack into an object: {@code Integer.valueOf}, and so on. */
    static void box(MethodVisitor mv, Type type) {
        Type wrapper = wrapper(type);
        if (wrapper != null) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(wrapper, type), false);
        }
    }

    /** Turns the object on the stack into {@code type}: a cast, and for a primitive its wrapper's {@code intValue()}. */
    static void unboxOrCast(MethodVisitor mv, Type type) {
        Type wrapper = wrapper(type);
        if (wrapper == null) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
            return;
        }
        mv.visitTypeInsn(Opcodes.CHECKCAST, wrapper.getInternalName());
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, wrapper.getInternalName(), type.getClassName() + "Value",
                Type.getMethodDescriptor(type), false);
    }

    /** Returns {@code 0}, {@code false}, {@code null} or nothing: what a skipped body returns. */
    static void returnDefault(MethodVisitor mv, Type type) {
        switch (type.getSort()) {
            case Type.VOID -> {
            }
            case Type.LONG -> mv.visitInsn(Opcodes.LCONST_0);
            case Type.FLOAT -> mv.visitInsn(Opcodes.FCONST_0);
            case Type.DOUBLE -> mv.visitInsn(Opcodes.DCONST_0);
            case Type.OBJECT, Type.ARRAY -> mv.visitInsn(Opcodes.ACONST_NULL);
            default -> mv.visitInsn(Opcodes.ICONST_0);
        }
        mv.visitInsn(type.getOpcode(Opcodes.IRETURN));
    }

    /** The verifier's type of a local holding {@code type}, as a stack map frame writes it. */
    static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.LONG -> Opcodes.LONG;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            case Type.OBJECT, Type.ARRAY -> type.getInternalName();
            default -> Opcodes.INTEGER;
        };
    }

    private static Type wrapper(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN -> Type.getObjectType("java/lang/Boolean");
            case Type.CHAR -> Type.getObjectType("java/lang/Character");
            case Type.BYTE -> Type.getObjectType("java/lang/Byte");
            case Type.SHORT -> Type.getObjectType("java/lang/Short");
            case Type.INT -> Type.getObjectType("java/lang/Integer");
            case Type.FLOAT -> Type.getObjectType("java/lang/Float");
            case Type.LONG -> Type.getObjectType("java/lang/Long");
            case Type.DOUBLE -> Type.getObjectType("java/lang/Double");
            default -> null;
        };
    }
}
