package dev.weft.runtime.weave;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** A method of a {@link ClassFileType}, as its class file declares it. */
final class ClassFileMethod implements MethodShape {
    private final ClassFileType declaringType;
    private final int access;
    private final String name;
    private final String descriptor;

    ClassFileMethod(ClassFileType declaringType, int access, String name, String descriptor) {
        this.declaringType = declaringType;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
    }

    @Override
    public TypeShape declaringType() {
        return declaringType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String descriptor() {
        return descriptor;
    }

    @Override
    public boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    @Override
    public boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }

    @Override
    public boolean isGenerated() {
        return (access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)) != 0;
    }

    @Override
    public boolean hasCode() {
        return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    }

    @Override
    public TypeShape returnType() {
        return declaringType.of(Type.getReturnType(descriptor));
    }

    @Override
    public List<TypeShape> parameterTypes() {
        List<TypeShape> types = new ArrayList<>();
        for (Type type : Type.getArgumentTypes(descriptor)) {
            types.add(declaringType.of(type));
        }
        return types;
    }

    @Override
    public List<String> parameterNames() {
        return ParameterNames.read(declaringType.bytes(), name, descriptor);
    }
}
