package dev.weft.runtime.weave;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;

/**
 * Writes a {@link WeavePlan} into a class file with plain ASM: the same {@code WeftBridge} calls as
 * {@link BridgeAdvice} and its exits, and nothing else, so there is no class format change. A woven method becomes:
 *
 * <pre>
 *   scope = WeftBridge.enter(siteId, Declaring.class, this or null, arguments or null);
 *   if (scope == null) return default;          // the kinds that skip the body on null
 *   try { body, whose every return stores its value and jumps to EXIT }
 *   catch (Throwable t) { if (scope != null) exit(t); throw t; }
 *   EXIT: if (scope != null) exit(value); return value;
 * </pre>
 *
 * The handler is the last entry of the method's exception table, so the body's own handlers come first, and both
 * exits sit after the body, outside every try block: an exit that throws is caught by nobody, as with Byte Buddy's
 * advice. The two library hooks are simpler: an {@linkplain AdviceKind#ANSWERING answering} method returns the
 * site's non-null answer instead of running its body (no exit), and a method that {@linkplain
 * AdviceKind#OUTGOING_REQUEST passes its request through the bridge} replaces its first argument before the body.
 * The added locals come after the method's own ({@code max_locals}); every stack map frame of the body is
 * extended with the scope, and the added blocks carry frames of their own, so no frame is computed (which would load
 * classes) and the JVM still verifies the method.
 */
final class InlineAdvice extends ClassVisitor {
    private static final String BRIDGE = "dev/weft/bootstrap/WeftBridge";
    private static final String OBJECT = "java/lang/Object";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String ENTER = "(ILjava/lang/Class;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String EXIT = "(ILjava/lang/Object;Ljava/lang/Throwable;)V";
    private static final String EXIT_RETURNING = "(ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V";
    private static final String EXIT_REPLACING =
            "(ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
    private static final String EXIT_ABSORBING = "(ILjava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Throwable;";
    private static final String OUTGOING_REQUEST = "(Ljava/lang/Object;)Ljava/lang/Object;";

    private final WeavePlan plan;
    private final Map<String, Integer> maxLocals;
    private String owner;

    private InlineAdvice(ClassVisitor next, WeavePlan plan, Map<String, Integer> maxLocals) {
        super(Opcodes.ASM9, next);
        this.plan = plan;
        this.maxLocals = maxLocals;
    }

    static byte[] weave(byte[] classFile, WeavePlan plan) {
        ClassReader reader = new ClassReader(classFile);
        MaxLocals maxLocals = new MaxLocals();
        reader.accept(maxLocals, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new InlineAdvice(writer, plan, maxLocals.byMethod), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (name.equals("<init>") && plan.constructorSite().isPresent()) {
            return new ConstructorExit(next, plan.constructorSite().getAsInt());
        }
        for (WeavePlan.Woven woven : plan.methods()) {
            if (woven.name().equals(name) && woven.descriptor().equals(descriptor)) {
                if (woven.advice() == AdviceKind.OUTGOING_REQUEST) {
                    return new RequestThroughBridge(next, access, descriptor);
                }
                WovenMethod method = new WovenMethod(next, woven, access, owner, descriptor,
                        maxLocals.get(name + descriptor));
                method.analyzer = new AnalyzerAdapter(owner, access, name, descriptor, method);
                return method.analyzer;
            }
        }
        return next;
    }

    private static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** The code attribute's {@code max_locals} of each method: the first slot free for the woven code's locals. */
    private static final class MaxLocals extends ClassVisitor {
        final Map<String, Integer> byMethod = new HashMap<>();

        MaxLocals() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMaxs(int maxStack, int locals) {
                    byMethod.put(name + descriptor, locals);
                }
            };
        }
    }

    /** Tells the instance site of each new object as its constructor returns normally. */
    private static final class ConstructorExit extends MethodVisitor {
        private final int siteId;

        ConstructorExit(MethodVisitor next, int siteId) {
            super(Opcodes.ASM9, next);
            this.siteId = siteId;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                push(mv, siteId);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitInsn(Opcodes.ACONST_NULL);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "exit", EXIT, false);
            }
            super.visitInsn(opcode);
        }
    }

    /** {@code request = (Type) WeftBridge.outgoingRequest(request)} on the first argument, before the body. */
    private static final class RequestThroughBridge extends MethodVisitor {
        private final int slot;
        private final Type request;

        RequestThroughBridge(MethodVisitor next, int access, String descriptor) {
            super(Opcodes.ASM9, next);
            this.slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
            Type[] arguments = Type.getArgumentTypes(descriptor);
            if (arguments.length == 0 || arguments[0].getSize() != 1 || arguments[0].getSort() < Type.ARRAY) {
                throw new IllegalStateException("an outgoing request must be the first argument, an object: "
                        + descriptor);
            }
            this.request = arguments[0];
        }

        @Override
        public void visitCode() {
            super.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, slot);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "outgoingRequest", OUTGOING_REQUEST, false);
            mv.visitTypeInsn(Opcodes.CHECKCAST, request.getInternalName());
            mv.visitVarInsn(Opcodes.ASTORE, slot);
        }
    }

    /**
     * One woven method. It receives the original code from an {@link AnalyzerAdapter}, which knows the operand stack
     * at each return (a return may leave values under its own, which are dropped before the jump to the exit).
     */
    private static final class WovenMethod extends MethodVisitor {
        private final WeavePlan.Woven woven;
        private final String owner;
        private final boolean isStatic;
        private final Type[] arguments;
        private final Type returned;
        /** Slots of the added locals: the enter's answer, the value returned, and what was thrown. */
        private final int scope;
        private final int value;
        private final int thrown;
        private final Label body = new Label();
        private final Label bodyEnd = new Label();
        private final Label exit = new Label();
        private final Label done = new Label();
        private final Label handler = new Label();
        private final Label rethrow = new Label();
        private final Label skip = new Label();
        private AnalyzerAdapter analyzer;
        private boolean entered;

        WovenMethod(MethodVisitor next, WeavePlan.Woven woven, int access, String owner, String descriptor,
                    int maxLocals) {
            super(Opcodes.ASM9, next);
            this.woven = woven;
            this.owner = owner;
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.arguments = Type.getArgumentTypes(descriptor);
            this.returned = Type.getReturnType(descriptor);
            this.scope = maxLocals;
            this.value = scope + 1;
            this.thrown = value + returned.getSize();
        }

        /**
         * Written before the body's first instruction, label or frame: by then the reader has passed on the method's
         * own try blocks, so the one added here comes after them in the exception table.
         */
        private void enter() {
            if (entered) {
                return;
            }
            entered = true;
            push(mv, woven.siteId());
            mv.visitLdcInsn(Type.getObjectType(owner));
            if (isStatic) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
            }
            if (woven.advice() == AdviceKind.OBSERVING) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                argumentArray();
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enter", ENTER, false);
            mv.visitVarInsn(Opcodes.ASTORE, scope);
            if (answers()) {
                mv.visitVarInsn(Opcodes.ALOAD, scope);
                mv.visitJumpInsn(Opcodes.IFNONNULL, skip);
                return; // no exit: the body runs as it is
            }
            if (woven.advice().skipsBodyOnNull()) {
                mv.visitVarInsn(Opcodes.ALOAD, scope);
                mv.visitJumpInsn(Opcodes.IFNULL, skip);
            }
            mv.visitTryCatchBlock(body, bodyEnd, handler, THROWABLE);
            mv.visitLabel(body);
        }

        private void argumentArray() {
            push(mv, arguments.length);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < arguments.length; i++) {
                mv.visitInsn(Opcodes.DUP);
                push(mv, i);
                mv.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slot);
                Boxing.box(mv, arguments[i]);
                mv.visitInsn(Opcodes.AASTORE);
                slot += arguments[i].getSize();
            }
        }

        private boolean answers() {
            return woven.advice() == AdviceKind.ANSWERING;
        }

        @Override
        public void visitInsn(int opcode) {
            enter();
            if (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN || answers()) {
                super.visitInsn(opcode);
                return;
            }
            List<Object> stack = analyzer.stack;
            if (returned.getSort() != Type.VOID) {
                mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), value);
            }
            if (stack != null) {
                drain(stack.subList(0, stack.size() - returned.getSize()));
            }
            mv.visitJumpInsn(Opcodes.GOTO, exit);
        }

        /** Pops what a return leaves under its value; {@code long} and {@code double} are two entries, LONG then TOP. */
        private void drain(List<Object> left) {
            int size = left.size();
            while (size > 0) {
                boolean wide = size >= 2 && left.get(size - 1) == Opcodes.TOP
                        && (left.get(size - 2) == Opcodes.LONG || left.get(size - 2) == Opcodes.DOUBLE);
                mv.visitInsn(wide ? Opcodes.POP2 : Opcodes.POP);
                size -= wide ? 2 : 1;
            }
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            enter();
            List<Object> locals = new ArrayList<>();
            int slots = 0;
            for (int i = 0; i < numLocal; i++) {
                locals.add(local[i]);
                slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            }
            while (slots++ < scope) {
                locals.add(Opcodes.TOP);
            }
            locals.add(OBJECT);
            mv.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            enter();
            if (answers()) {
                returnAnswer();
                mv.visitMaxs(maxStack, maxLocals);
                return;
            }
            mv.visitLabel(bodyEnd);
            normalExit();
            exceptionalExit();
            if (woven.advice().skipsBodyOnNull()) {
                mv.visitLabel(skip);
                frame(new Object[0]);
                Boxing.returnDefault(mv, returned);
            }
            mv.visitMaxs(maxStack, maxLocals);
        }

        private void normalExit() {
            mv.visitLabel(exit);
            frame(withValue());
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            mv.visitJumpInsn(Opcodes.IFNULL, done);
            push(mv, woven.siteId());
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            switch (woven.advice()) {
                case RETURNING -> {
                    loadValueBoxed();
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    bridge("exitReturning", EXIT_RETURNING);
                }
                case REPLACING -> {
                    loadValueBoxed();
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    bridge("exitReplacing", EXIT_REPLACING);
                    if (returned.getSort() == Type.VOID) {
                        mv.visitInsn(Opcodes.POP);
                    } else {
                        Boxing.unboxOrCast(mv, returned);
                        mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), value);
                    }
                }
                case ABSORBING -> {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    bridge("exitAbsorbing", EXIT_ABSORBING);
                    rethrowAnswer();
                }
                default -> {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    bridge("exit", EXIT);
                }
            }
            mv.visitLabel(done);
            frame(withValue());
            if (returned.getSort() != Type.VOID) {
                mv.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), value);
            }
            mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
        }

        private void exceptionalExit() {
            mv.visitLabel(handler);
            frame(scoped(), THROWABLE);
            mv.visitVarInsn(Opcodes.ASTORE, thrown);
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            mv.visitJumpInsn(Opcodes.IFNULL, rethrow);
            push(mv, woven.siteId());
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            switch (woven.advice()) {
                case RETURNING -> {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    mv.visitVarInsn(Opcodes.ALOAD, thrown);
                    bridge("exitReturning", EXIT_RETURNING);
                }
                case REPLACING -> {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                    mv.visitVarInsn(Opcodes.ALOAD, thrown);
                    bridge("exitReplacing", EXIT_REPLACING);
                    mv.visitInsn(Opcodes.POP); // a method that threw keeps its exception
                }
                case ABSORBING -> {
                    mv.visitVarInsn(Opcodes.ALOAD, thrown);
                    bridge("exitAbsorbing", EXIT_ABSORBING);
                    rethrowAnswer();
                    Boxing.returnDefault(mv, returned); // absorbed; a rule refuses all but void methods, yet weaves them
                }
                default -> {
                    mv.visitVarInsn(Opcodes.ALOAD, thrown);
                    bridge("exit", EXIT);
                }
            }
            mv.visitLabel(rethrow);
            frame(withThrown());
            mv.visitVarInsn(Opcodes.ALOAD, thrown);
            mv.visitInsn(Opcodes.ATHROW);
        }

        /** Returns the answer's one element, cast or unboxed to the return type. */
        private void returnAnswer() {
            mv.visitLabel(skip);
            frame(scoped());
            mv.visitVarInsn(Opcodes.ALOAD, scope);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.AALOAD);
            if (returned.getSort() == Type.VOID) {
                mv.visitInsn(Opcodes.POP);
            } else {
                Boxing.unboxOrCast(mv, returned);
            }
            mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
        }

        /** An absorbing exit answers what the method throws: {@code null} for nothing. */
        private void rethrowAnswer() {
            mv.visitVarInsn(Opcodes.ASTORE, thrown);
            mv.visitVarInsn(Opcodes.ALOAD, thrown);
            mv.visitJumpInsn(Opcodes.IFNONNULL, rethrow);
        }

        private void loadValueBoxed() {
            if (returned.getSort() == Type.VOID) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                mv.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), value);
                Boxing.box(mv, returned);
            }
        }

        private void bridge(String name, String descriptor) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, name, descriptor, false);
        }

        private void frame(Object[] locals, Object... stack) {
            mv.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
        }

        /** Locals of the added blocks: the method's own are of no use there (TOP), then the scope. */
        private Object[] scoped() {
            List<Object> locals = new ArrayList<>();
            for (int i = 0; i < scope; i++) {
                locals.add(Opcodes.TOP);
            }
            locals.add(OBJECT);
            return locals.toArray();
        }

        private Object[] withValue() {
            List<Object> locals = new ArrayList<>(List.of(scoped()));
            if (returned.getSort() != Type.VOID) {
                locals.add(Boxing.frameType(returned));
            }
            return locals.toArray();
        }

        private Object[] withThrown() {
            List<Object> locals = new ArrayList<>(List.of(scoped()));
            for (int i = 0; i < returned.getSize(); i++) {
                locals.add(Opcodes.TOP);
            }
            locals.add(THROWABLE);
            return locals.toArray();
        }

        // Every other event of the body: the enter comes before the first of them.

        @Override
        public void visitLabel(Label label) {
            enter();
            super.visitLabel(label);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            enter();
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            enter();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            enter();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            enter();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            enter();
            super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor,
                                    boolean isInterface) {
            enter();
            super.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                           Object... arguments) {
            enter();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            enter();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object constant) {
            enter();
            super.visitLdcInsn(constant);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            enter();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            enter();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            enter();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            enter();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }
    }
}
