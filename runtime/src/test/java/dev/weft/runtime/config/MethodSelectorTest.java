package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MethodSelectorTest {
    private static final String FORM = "; write [+]Class#method(params), e.g. com.acme.OrderService#place(String, int)";

    @Test
    void plainSelector() {
        MethodSelector s = MethodSelector.parse("com.acme.InventoryService#reserve(String, int)");

        assertEquals("com.acme.InventoryService#reserve(String, int)", s.text());
        assertFalse(s.includeSubtypes());
        assertEquals(Optional.of("com.acme.InventoryService"), s.exactTypeName());
        assertTrue(s.matchesTypeName("com.acme.InventoryService"));
        assertFalse(s.matchesTypeName("com.acme.InventoryServiceImpl"));
        assertTrue(s.matchesMethodName("reserve"));
        assertFalse(s.matchesMethodName("reserveAll"));
        assertTrue(s.matchesParameters(List.of("java.lang.String", "int")));
        assertFalse(s.matchesParameters(List.of("java.lang.String", "long")));
        assertFalse(s.matchesParameters(List.of("java.lang.String")));
    }

    @Test
    void plusIncludesSubtypes() {
        MethodSelector s = MethodSelector.parse("+com.acme.Repository#save");

        assertTrue(s.includeSubtypes());
        assertEquals(Optional.of("com.acme.Repository"), s.exactTypeName());
    }

    @ParameterizedTest
    @CsvSource({
            "com.acme.*, com.acme.Svc, true",
            "com.acme.*, com.acme.sub.Svc, true",
            "com.acme.*, com.acmex.Svc, false",
            "*Service, com.acme.OrderService, true",
            "*Service, com.acme.OrderServiceImpl, false",
            "com.*.internal.*Dao, com.acme.internal.UserDao, true",
            "com.*.internal.*Dao, com.acme.internal.UserDao$1, false",
            "com.acme.Outer$Inner, com.acme.Outer$Inner, true",
            "com.acme.Outer*, com.acme.Outer$Inner, true",
            "*, anything.at.All, true",
            "a*b*a, aba, true",
            "a*b*a, ab, false",
    })
    void classPatterns(String pattern, String binaryName, boolean matches) {
        MethodSelector s = MethodSelector.parse(pattern + "#run");

        assertEquals(matches, s.matchesTypeName(binaryName));
        assertEquals(pattern.contains("*") ? Optional.empty() : Optional.of(pattern), s.exactTypeName());
    }

    @Test
    void methodPatternsNeverMatchConstructors() {
        MethodSelector any = MethodSelector.parse("com.acme.Svc#*");
        MethodSelector prefixed = MethodSelector.parse("com.acme.Svc#find*By*");

        assertTrue(any.matchesMethodName("run"));
        assertFalse(any.matchesMethodName("<init>"));
        assertFalse(any.matchesMethodName("<clinit>"));
        assertTrue(prefixed.matchesMethodName("findOrderById"));
        assertFalse(prefixed.matchesMethodName("findOrder"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "(..);                      ;                                  true",
            "(..);                      int|long;                          true",
            ";                          java.lang.String;                  true",
            "();                        ;                                  true",
            "();                        int;                               false",
            "(String);                  java.lang.String;                  true",
            "(java.lang.String);        java.lang.String;                  true",
            "(java.lang.String);        com.acme.String;                   false",
            "(String);                  java.lang.StringBuilder;           false",
            "(Inner);                   com.acme.Outer$Inner;              true",
            "(Outer$Inner);             com.acme.Outer$Inner;              true",
            "(com.acme.Outer$Inner);    com.acme.Outer$Inner;              true",
            "(Outer);                   com.acme.Outer$Inner;              false",
            "(Inner);                   com.acme.XInner;                   false",
            "(acme.Outer$Inner);        com.acme.Outer$Inner;              false",
            "(String[]);                java.lang.String[];                true",
            "(String[]);                java.lang.String;                  false",
            "(String);                  java.lang.String[];                false",
            "(int[][]);                 int[][];                           true",
            "(int[][]);                 int[];                             false",
            "(*);                       long[];                            true",
            "(*[]);                     long[];                            true",
            "(*[]);                     long;                              false",
            "(*[]);                     long[][];                          false",
            "(*, long);                 java.lang.String|long;             true",
            "( String ,int );           java.lang.String|int;              true",
    })
    void parameterPatterns(String list, String actual, boolean matches) {
        MethodSelector s = MethodSelector.parse("com.acme.Svc#run" + (list == null ? "" : list));
        List<String> types = actual == null ? List.of() : List.of(actual.split("\\|"));

        assertEquals(matches, s.matchesParameters(types));
    }

    /** The names matched are those Byte Buddy reports; this pins down their form. */
    @Test
    void matchesTheNamesByteBuddyGives() throws Exception {
        MethodDescription m = new MethodDescription.ForLoadedMethod(
                Sample.class.getDeclaredMethod("call", String[].class, Map.Entry.class, long.class, Sample.Inner.class));
        List<String> names = m.getParameters().asTypeList().asErasures().stream()
                .map(TypeDescription::getActualName)
                .toList();

        assertEquals(List.of("java.lang.String[]", "java.util.Map$Entry", "long",
                "dev.weft.runtime.config.MethodSelectorTest$Sample$Inner"), names);
        assertTrue(MethodSelector.parse("+dev.weft.runtime.config.MethodSelectorTest$Sample#call(String[], Entry,"
                + " long, Sample$Inner)").matchesParameters(names));
    }

    static class Sample {
        static class Inner {
        }

        void call(String[] a, Map.Entry<String, String> b, long c, Inner d) {
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "com.acme.Svc.run                  | there is no '#' between the class and the method",
            "com.acme.Svc#run#again            | there is more than one '#'",
            "#run                              | there is no class before '#' (write * for any class)",
            "com.acme.Svc#                     | there is no method name after '#' (write * for any method)",
            "com.acme.Svc#(int)                | there is no method name after '#' (write * for any method)",
            "com.acme.Svc#a.run                | the method name 'a.run' contains '.'; put the class before '#'",
            "com.acme.Svc#run(int              | '(' without ')'",
            "com.acme.Svc#run)                 | ')' without '('",
            "com.acme.Svc#run(int) throws      | ' throws' after ')'; the parameter list ends the selector",
            "com.acme.Svc#run((int))           | unbalanced parentheses in the parameter list",
            "com.acme.Svc#run(int,,long)       | an empty parameter type between commas",
            "com.acme.Svc#run(String, ..)      | '..' stands for the whole list; write (..) alone",
            "com.acme.Svc#run(String...)       | write varargs as an array, String[], not String...",
            "com.acme.Svc#run(String[)         | malformed array brackets in 'String['; write for example String[]",
            "com.acme.Svc#run(List<String>)    | generic type arguments are not part of a selector; write List,"
                    + " not List<String>",
            "com.acme.Svc#run(java.lang.Str*)  | '*' is not allowed in the parameter type 'java.lang.Str*' (in"
                    + " parameter types * stands alone, for any one type)",
            "com.acme. Svc#run                 | whitespace inside the class name 'com.acme. Svc'",
            "com.acme.Svc#my run               | whitespace inside the method name 'my run'",
            "com..acme.Svc#run                 | the class name 'com..acme.Svc' has an empty part between dots",
            "com.acme.Svc.#run                 | the class name 'com.acme.Svc.' has an empty part between dots",
            "com.ac-me.Svc#run                 | '-' is not allowed in the class name 'com.ac-me.Svc'",
            "com.acme.1Svc#run                 | '1' is not allowed in the class name 'com.acme.1Svc'",
            "++com.acme.Svc#run                | '+' is not allowed in the class name '+com.acme.Svc'",
            "com.acme.Svc#run(java..String)    | the parameter type 'java..String' has an empty part between dots",
    })
    void malformedSelectorsAreRejectedPrecisely(String selector, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MethodSelector.parse(selector));

        assertEquals("bad method selector '" + selector + "': " + what + FORM, e.getMessage());
    }

    @Test
    void emptySelector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodSelector.parse(" "));

        assertEquals("empty method selector" + FORM, e.getMessage());
    }

    @Test
    void equalByText() {
        assertEquals(MethodSelector.parse("a.B#c(..)"), MethodSelector.parse("a.B#c(..)"));
        assertEquals(MethodSelector.parse("a.B#c").hashCode(), MethodSelector.parse("a.B#c").hashCode());
    }
}
