package dev.weft.runtime.weave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Reads a method's argument names from its class file, for key templates such as {@code {orderId}}. */
final class ParameterNames {
    private ParameterNames() {
    }

    /**
     * From the {@code MethodParameters} attribute ({@code javac -parameters}) when it names every argument, else from
     * the local variable table ({@code javac -g}).
     *
     * @param descriptor the JVM method descriptor, e.g. {@code (Ljava/lang/String;J)V}
     * @return the names in argument order, or null when the method is not in the class or the names are not there
     */
    static List<String> read(byte[] classFile, String methodName, String descriptor) {
        Collector collector = new Collector(methodName, descriptor);
        new ClassReader(classFile).accept(collector, ClassReader.SKIP_FRAMES);
        return collector.names();
    }

    private static final class Collector extends ClassVisitor {
        private final String methodName;
        private final String descriptor;
        private final Type[] arguments;
        private boolean found;
        private boolean isStatic;
        private final List<String> declared = new ArrayList<>();
        /** Per local variable slot of an argument: the name whose scope starts earliest, i.e. at the method start. */
        private final String[] localNames;
        private final int[] localStarts;

        Collector(String methodName, String descriptor) {
            super(Opcodes.ASM9);
            this.methodName = methodName;
            this.descriptor = descriptor;
            this.arguments = Type.getArgumentTypes(descriptor);
            this.localNames = new String[arguments.length];
            this.localStarts = new int[arguments.length];
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            if (found || !name.equals(methodName) || !desc.equals(descriptor)) {
                return null;
            }
            found = true;
            isStatic = (access & Opcodes.ACC_STATIC) != 0;
            return new MethodVisitor(Opcodes.ASM9) {
                /** Labels in code order: a reader does not resolve label offsets, so order stands in for them. */
                private final Map<Label, Integer> order = new IdentityHashMap<>();

                @Override
                public void visitParameter(String name, int access) {
                    declared.add(name);
                }

                @Override
                public void visitLabel(Label label) {
                    order.putIfAbsent(label, order.size());
                }

                @Override
                public void visitLocalVariable(String name, String desc, String signature, Label start, Label end,
                        int slot) {
                    recordLocal(name, order.getOrDefault(start, Integer.MAX_VALUE), slot);
                }
            };
        }

        private void recordLocal(String name, int start, int slot) {
            int argument = argumentAt(slot);
            if (argument >= 0 && (localNames[argument] == null || start < localStarts[argument])) {
                localNames[argument] = name;
                localStarts[argument] = start;
            }
        }

        /** Slot 0 is {@code this} in an instance method; {@code long} and {@code double} take two slots. */
        private int argumentAt(int slot) {
            int next = isStatic ? 0 : 1;
            for (int i = 0; i < arguments.length; i++) {
                if (next == slot) {
                    return i;
                }
                next += arguments[i].getSize();
            }
            return -1;
        }

        List<String> names() {
            if (!found) {
                return null;
            }
            if (declared.size() == arguments.length && !declared.contains(null)) {
                return List.copyOf(declared);
            }
            List<String> locals = Arrays.asList(localNames);
            return locals.contains(null) ? null : List.copyOf(locals);
        }
    }
}
