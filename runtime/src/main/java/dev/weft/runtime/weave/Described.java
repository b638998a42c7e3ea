package dev.weft.runtime.weave;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Byte Buddy's descriptions seen as {@link TypeShape} and {@link MethodShape}: the one place where what the weaver
 * parsed is handed to the rules. Members are described on demand, so a rule pays only for what it reads.
 */
public final class Described {
    private Described() {
    }

    /** @param classFiles where the declaring class's file is, for argument names from its debug information */
    public static MethodShape method(MethodDescription method, ClassFileLocator classFiles) {
        return new DescribedMethod(method, classFiles);
    }

    /** A loaded method, with the class files of its class loader. */
    public static MethodShape method(Method method) {
        return method(new MethodDescription.ForLoadedMethod(method),
                ClassFileLocator.ForClassLoader.of(method.getDeclaringClass().getClassLoader()));
    }

    public static TypeShape type(TypeDescription type, ClassFileLocator classFiles) {
        return new DescribedType(type, classFiles);
    }

    public static TypeShape type(Class<?> type) {
        return type(TypeDescription.ForLoadedType.of(type), ClassFileLocator.ForClassLoader.of(type.getClassLoader()));
    }

    private record DescribedType(TypeDescription type, ClassFileLocator classFiles) implements TypeShape {
        @Override
        public String name() {
            return type.getName();
        }

        @Override
        public String actualName() {
            return type.getActualName();
        }

        @Override
        public boolean isPrimitive() {
            return type.isPrimitive();
        }

        @Override
        public boolean isArray() {
            return type.isArray();
        }

        @Override
        public TypeShape superClass() {
            TypeDescription.Generic superClass = type.getSuperClass();
            return superClass == null ? null : new DescribedType(superClass.asErasure(), classFiles);
        }

        @Override
        public List<TypeShape> interfaces() {
            List<TypeShape> interfaces = new ArrayList<>();
            for (TypeDefinition anInterface : type.getInterfaces()) {
                interfaces.add(new DescribedType(anInterface.asErasure(), classFiles));
            }
            return interfaces;
        }

        @Override
        public List<MethodShape> declaredMethods() {
            List<MethodShape> methods = new ArrayList<>();
            for (MethodDescription.InDefinedShape method : type.getDeclaredMethods().filter(m -> m.isMethod())) {
                methods.add(new DescribedMethod(method, classFiles));
            }
            return methods;
        }

        @Override
        public List<TypeShape.FieldShape> declaredFields() {
            List<TypeShape.FieldShape> fields = new ArrayList<>();
            for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
                fields.add(new TypeShape.FieldShape(field.getName(), new DescribedType(field.getType().asErasure(), classFiles),
                        field.isPublic(), field.isStatic()));
            }
            return fields;
        }
    }

    private record DescribedMethod(MethodDescription method, ClassFileLocator classFiles) implements MethodShape {
        @Override
        public TypeShape declaringType() {
            return new DescribedType(method.getDeclaringType().asErasure(), classFiles);
        }

        @Override
        public String name() {
            return method.getName();
        }

        @Override
        public String descriptor() {
            return method.getDescriptor();
        }

        @Override
        public boolean isStatic() {
            return method.isStatic();
        }

        @Override
        public boolean isPublic() {
            return method.isPublic();
        }

        @Override
        public boolean isGenerated() {
            return method.isBridge() || method.isSynthetic();
        }

        @Override
        public boolean hasCode() {
            return !method.isAbstract() && !method.isNative();
        }

        @Override
        public TypeShape returnType() {
            return new DescribedType(method.getReturnType().asErasure(), classFiles);
        }

        @Override
        public List<TypeShape> parameterTypes() {
            List<TypeShape> types = new ArrayList<>();
            for (TypeDescription type : method.getParameters().asTypeList().asErasures()) {
                types.add(new DescribedType(type, classFiles));
            }
            return types;
        }

        @Override
        public List<String> parameterNames() {
            List<String> names = new ArrayList<>();
            for (ParameterDescription parameter : method.getParameters()) {
                if (!parameter.isNamed()) {
                    return fromDebugInfo();
                }
                names.add(parameter.getName());
            }
            return names;
        }

        private List<String> fromDebugInfo() {
            try {
                ClassFileLocator.Resolution classFile = classFiles.locate(method.getDeclaringType().asErasure().getName());
                return classFile.isResolved()
                        ? ParameterNames.read(classFile.resolve(), method.getInternalName(), method.getDescriptor())
                        : null;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
