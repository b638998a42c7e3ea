package dev.weft.runtime.weave;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A class or interface of {@link ClassFileTypes}: its name is known at once, its class file is read the first time a
 * member or supertype is asked for.
 */
final class ClassFileType implements TypeShape {
    private final ClassFileTypes types;
    private final String name;
    private byte[] classFile;
    private boolean looked;
    private Members members;

    ClassFileType(ClassFileTypes types, String name) {
        this.types = types;
        this.name = name;
    }

    void use(byte[] bytes) {
        classFile = bytes;
        looked = true;
    }

    boolean exists() {
        return bytes() != null;
    }

    /** For the argument names in the debug information, read only when a rule asks for them. */
    byte[] bytes() {
        if (!looked) {
            classFile = types.classFile(name);
            looked = true;
        }
        return classFile;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String actualName() {
        return name;
    }

    @Override
    public boolean isPrimitive() {
        return false;
    }

    @Override
    public boolean isArray() {
        return false;
    }

    @Override
    public TypeShape superClass() {
        String superName = members().superName;
        return superName == null || members().isInterface ? null : types.named(superName);
    }

    @Override
    public List<TypeShape> interfaces() {
        List<TypeShape> interfaces = new ArrayList<>();
        for (String anInterface : members().interfaces) {
            interfaces.add(types.named(anInterface));
        }
        return interfaces;
    }

    @Override
    public List<MethodShape> declaredMethods() {
        return members().methods;
    }

    @Override
    public List<FieldShape> declaredFields() {
        return members().fields;
    }

    TypeShape of(Type type) {
        return types.of(type);
    }

    private Members members() {
        if (members == null) {
            byte[] bytes = bytes();
            if (bytes == null) {
                throw new IllegalStateException("the class file of " + name + " is not on the class path");
            }
            Members read = new Members();
            new ClassReader(bytes).accept(read, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            members = read;
        }
        return members;
    }

    /** What one pass over the class file's header, fields and method signatures finds. */
    private final class Members extends ClassVisitor {
        String superName;
        boolean isInterface;
        final List<String> interfaces = new ArrayList<>();
        final List<MethodShape> methods = new ArrayList<>();
        final List<FieldShape> fields = new ArrayList<>();

        Members() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String internalName, String signature, String superInternalName,
                          String[] interfaceNames) {
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            superName = superInternalName == null ? null : superInternalName.replace('/', '.');
            for (String anInterface : interfaceNames == null ? new String[0] : interfaceNames) {
                interfaces.add(anInterface.replace('/', '.'));
            }
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature,
                                       Object value) {
            fields.add(new FieldShape(fieldName, of(Type.getType(descriptor)), (access & Opcodes.ACC_PUBLIC) != 0,
                    (access & Opcodes.ACC_STATIC) != 0));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                                         String[] exceptions) {
            if (!methodName.equals("<init>") && !methodName.equals("<clinit>")) {
                methods.add(new ClassFileMethod(ClassFileType.this, access, methodName, descriptor));
            }
            return null;
        }
    }
}
