package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@link InlineAdvice} against Byte Buddy's advice, which it replaces on the start-up path: the same fixtures
 * ({@code com.acme.inline.Ledger}, a method of every shape, and a generated class whose returns leave values under
 * their own, as javac never does) woven by each back-end make the same bridge calls, in the same order, with the
 * same values, and give the caller the same results and exceptions. Run for every advice kind, and for a site that
 * skips the body, answers instead of it or absorbs a failure. The control: the same script without weaving records
 * no bridge call.
 */
class InlineAdviceTest {
    private static final String LEDGER = "com.acme.inline.Ledger";
    private static final String GENERATED = "com.acme.inline.Leftovers";
    /** What the calls did, bridge calls included; each run fills it anew. */
    private static final List<String> EVENTS = new ArrayList<>();
    /** The enter's answer is null: the body is skipped (or, observing, there is no exit). */
    private static volatile boolean answerNull;
    /** An absorbing exit answers null: the caller returns normally. */
    private static volatile boolean absorb;

    @ParameterizedTest
    @EnumSource(value = AdviceKind.class, names = {"ENTER_EXIT", "RETURNING", "REPLACING", "OBSERVING"})
    void bothBackEndsMakeTheSameCalls(AdviceKind kind) throws Exception {
        answerNull = false;
        List<String> inline = run(kind, false, script(true));
        assertEquals(run(kind, true, script(true)), inline);
        assertTrue(inline.contains("exit parse returned=-1 thrown=null")
                        || inline.contains("exit parse thrown=null") || kind == AdviceKind.REPLACING,
                "the method's own handler caught its NumberFormatException: " + inline);
        assertTrue(inline.contains("exit fail thrown=java.lang.Exception: boom")
                || inline.contains("exit fail returned=null thrown=java.lang.Exception: boom"), inline.toString());
        assertTrue(inline.contains("new " + LEDGER), "constructors tell the instance site: " + inline);
    }

    @ParameterizedTest
    @EnumSource(value = AdviceKind.class, names = {"ENTER_EXIT", "RETURNING", "REPLACING", "OBSERVING"})
    void aNullAnswerSkipsTheBodyOrOnlyTheExitAlike(AdviceKind kind) throws Exception {
        answerNull = true;
        try {
            List<String> inline = run(kind, false, script(true));
            assertEquals(run(kind, true, script(true)), inline);
            assertTrue(inline.stream().noneMatch(event -> event.startsWith("exit ")), inline.toString());
        } finally {
            answerNull = false;
        }
    }

    @Test
    void anAbsorbingExitDecidesWhatTheCallerSees() throws Exception {
        for (boolean absorbs : new boolean[] {false, true}) {
            absorb = absorbs;
            List<String> inline = run(AdviceKind.ABSORBING, false, script(false));
            assertEquals(run(AdviceKind.ABSORBING, true, script(false)), inline);
            assertTrue(inline.contains(absorbs ? "result fail = null" : "threw fail java.lang.Exception: boom"),
                    inline.toString());
        }
        absorb = false;
    }

    @Test
    void anAnswerReplacesTheBodyAlike() throws Exception {
        for (boolean answers : new boolean[] {false, true}) {
            answerNull = !answers;
            List<String> inline = run(AdviceKind.ANSWERING, false, script(true));
            assertEquals(run(AdviceKind.ANSWERING, true, script(true)), inline);
            assertTrue(inline.contains(answers ? "result half = 2.5" : "result half = 1.5"), inline.toString());
            assertTrue(inline.stream().noneMatch(event -> event.startsWith("exit ")), "no exit: " + inline);
        }
        answerNull = false;
    }

    @Test
    void anOutgoingRequestGoesThroughTheBridgeAlike() throws Exception {
        TestBridge.outgoingRequests(request -> request instanceof String text ? text + "+headers" : request);
        try {
            List<String> inline = run(AdviceKind.OUTGOING_REQUEST, false, script(true));
            assertEquals(run(AdviceKind.OUTGOING_REQUEST, true, script(true)), inline);
            assertTrue(inline.contains("threw fail java.lang.Exception: boom+headers"), inline.toString());
            assertTrue(inline.stream().noneMatch(event -> event.startsWith("enter ")), "no site: " + inline);
        } finally {
            TestBridge.outgoingRequests(request -> request);
        }
    }

    @Test
    void theControlUnwovenMakesNoBridgeCall() throws Exception {
        EVENTS.clear();
        script(true).run(loader(new ClassFileTransformer() { }));
        assertTrue(EVENTS.stream().noneMatch(event -> event.startsWith("enter ") || event.startsWith("exit ")),
                EVENTS.toString());
        assertTrue(EVENTS.contains("result parse = -1"), EVENTS.toString());
    }

    @Test
    void theInlineBackEndWritesOnlyBridgeCalls() throws Exception {
        Weaver weaver = weaver(AdviceKind.ENTER_EXIT);
        byte[] woven = new WeavingLoader(weaver.transformer(), LEDGER)
                .transform(LEDGER.replace('.', '/'), WeavingLoader.read(LEDGER));
        String text = new String(woven, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("dev/weft/bootstrap/WeftBridge"), "woven, with bridge calls");
        assertFalse(text.contains("net/bytebuddy"), "no reference to Byte Buddy in the woven class");
    }

    private interface Script {
        void run(ClassLoader loader) throws Exception;
    }

    /** @param all every method; else only the void ones, which an absorbing rule may weave */
    private static Script script(boolean all) {
        return loader -> {
            Class<?> ledger = loader.loadClass(LEDGER);
            Object instance = construct(ledger);
            construct(ledger, "first");
            construct(ledger, (Object) null);
            if (all) {
                call(ledger, null, "add", 1, 2L, 3.5, false, 'k', (byte) 4, (short) 5, 1.5f);
                call(ledger, instance, "entry", 0);
                call(ledger, instance, "parse", "12");
                call(ledger, instance, "parse", "zz");
                call(ledger, null, "firstAbove", new long[] {1, 5, 9}, 4L);
                call(ledger, null, "firstAbove", new long[] {1}, 4L);
                call(ledger, null, "half", 3.0);
                call(ledger, instance, "isEmpty");
                call(ledger, null, "squares", 3);
                call(ledger, instance, "size");
                Class<?> generated = loader.loadClass(GENERATED);
                call(generated, null, "narrow");
                call(generated, null, "wide");
            }
            call(ledger, instance, "record", "x");
            call(ledger, instance, "record", "");
            call(ledger, null, "fail", "boom");
        };
    }

    private static Object construct(Class<?> type, Object... arguments) throws Exception {
        try {
            Object made = arguments.length == 0 ? type.getConstructor().newInstance()
                    : type.getConstructor(String.class).newInstance(arguments);
            EVENTS.add("made " + type.getSimpleName());
            return made;
        } catch (InvocationTargetException e) {
            EVENTS.add("threw new " + e.getCause());
            return null;
        }
    }

    private static void call(Class<?> type, Object target, String name, Object... arguments) throws Exception {
        Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
        try {
            Object result = method.invoke(target, arguments);
            EVENTS.add("result " + name + " = " + text(result));
        } catch (InvocationTargetException e) {
            EVENTS.add("threw " + name + " " + e.getCause());
        }
    }

    private static String text(Object value) {
        if (value instanceof int[] ints) {
            return Arrays.toString(ints);
        }
        return String.valueOf(value);
    }

    private static List<String> run(AdviceKind kind, boolean byteBuddy, Script script) throws Exception {
        EVENTS.clear();
        Weaver weaver = weaver(kind);
        script.run(loader(byteBuddy ? weaver.withByteBuddy() : weaver.transformer()));
        return List.copyOf(EVENTS);
    }

    private static ClassLoader loader(ClassFileTransformer transformer) {
        WeavingLoader fixtures = new WeavingLoader(transformer, LEDGER);
        return new ClassLoader("generated", fixtures) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals(GENERATED)) {
                    throw new ClassNotFoundException(name);
                }
                byte[] original = leftovers();
                byte[] woven;
                try {
                    woven = transformer.transform(getUnnamedModule(), this, GENERATED.replace('.', '/'), null, null, original);
                } catch (IllegalClassFormatException e) {
                    throw new IllegalStateException(e);
                }
                byte[] bytes = woven == null ? original : woven;
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    private static Weaver weaver(AdviceKind kind) {
        SiteRegistry sites = TestBridge.handOffs((task, type) -> task);
        return new Weaver(List.of(new KindRule(kind)), List.of(), sites, new WeaveStats(), new WovenClassLoaders());
    }

    /**
     * {@code narrow()} returns 2 with an int and a long left under it; {@code wide()} returns a long with an int and
     * a double under it. The JVM discards what a return leaves; a woven return must too.
     */
    private static byte[] leftovers() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, GENERATED.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor narrow = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "narrow", "()I", null, null);
        narrow.visitCode();
        narrow.visitInsn(Opcodes.ICONST_1);
        narrow.visitInsn(Opcodes.LCONST_1);
        narrow.visitInsn(Opcodes.ICONST_2);
        narrow.visitInsn(Opcodes.IRETURN);
        narrow.visitMaxs(0, 0);
        narrow.visitEnd();
        MethodVisitor wide = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "wide", "()J", null, null);
        wide.visitCode();
        wide.visitInsn(Opcodes.ICONST_1);
        wide.visitInsn(Opcodes.DCONST_1);
        wide.visitLdcInsn(42L);
        wide.visitInsn(Opcodes.LRETURN);
        wide.visitMaxs(0, 0);
        wide.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A rule of one advice kind on every method of the fixtures, with a site that records what it is told. */
    private record KindRule(AdviceKind kind) implements WeaveRule {
        /** A request is the first argument, an object: only methods taking one String get that kind. */
        @Override
        public MethodSelector selector() {
            return MethodSelector.parse(kind == AdviceKind.OUTGOING_REQUEST ? "com.acme.inline.*#*(String)"
                    : "com.acme.inline.*#*");
        }

        @Override
        public SourcePosition position() {
            return new SourcePosition("weft.yaml", 1, 1);
        }

        @Override
        public Optional<String> problemWith(MethodShape method) {
            return Optional.empty();
        }

        @Override
        public Site createSite(MethodShape method) {
            return new RecordingSite(method.name(), method.returnType().name());
        }

        @Override
        public Optional<Site> instanceSite(TypeShape type) {
            return Optional.of(new RecordingSite("new", "void"));
        }

        @Override
        public boolean observesOnly() {
            return kind == AdviceKind.OBSERVING;
        }

        @Override
        public boolean seesReturnValue() {
            return kind == AdviceKind.RETURNING;
        }

        @Override
        public boolean replacesReturnValue() {
            return kind == AdviceKind.REPLACING;
        }

        @Override
        public boolean absorbsFailures() {
            return kind == AdviceKind.ABSORBING;
        }

        @Override
        public boolean answersInsteadOfBody() {
            return kind == AdviceKind.ANSWERING;
        }

        @Override
        public boolean passesRequestThroughBridge() {
            return kind == AdviceKind.OUTGOING_REQUEST;
        }
    }

    /**
     * @param returns the method's return type: an answering site's answer, a one-element array, holds a value of it
     */
    private record RecordingSite(String method, String returns) implements Site {
        @Override
        public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
            EVENTS.add("enter " + method + " " + declaringType.getName() + " " + (self != null) + " "
                    + (arguments == null ? "no arguments" : Arrays.deepToString(arguments)));
            return answerNull ? null : answer();
        }

        /** For an answering rule, what the method returns instead of its body; for the others, any scope. */
        private Object answer() {
            return switch (returns) {
                case "int" -> new Object[] {42};
                case "long" -> new Object[] {7L};
                case "double" -> new Object[] {2.5};
                case "boolean" -> new Object[] {true};
                case "java.lang.String" -> new Object[] {"answered"};
                case "[I" -> new Object[] {new int[] {9}};
                default -> new Object[] {null};
            };
        }

        @Override
        public void exit(Object scope, Throwable thrown) {
            EVENTS.add(method.equals("new") ? "new " + scope.getClass().getName()
                    : "exit " + method + " thrown=" + thrown);
        }

        @Override
        public void exit(Object scope, Object returned, Throwable thrown) {
            EVENTS.add("exit " + method + " returned=" + text(returned) + " thrown=" + thrown);
        }

        @Override
        public Throwable exitAbsorbing(Object scope, Throwable thrown) {
            EVENTS.add("exit " + method + " thrown=" + thrown);
            return absorb ? null : thrown;
        }

        @Override
        public Object exitReplacing(Object scope, Object returned, Throwable thrown) {
            EVENTS.add("exit " + method + " returned=" + text(returned) + " thrown=" + thrown);
            return returned instanceof String text ? text + "!" : returned;
        }
    }
}
