package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles one class three ways, as applications do, and reads its argument names back. */
class ParameterNamesTest {
    private static final String SOURCE = """
            package sample;
            public class Accounts {
                public void debit(String account, long cents, double rate, int[] flags) {
                    String local = account + cents;
                    long other = cents * 2;
                }
                public static String format(long cents, String currency) {
                    return cents + currency;
                }
                public abstract static class Base {
                    public abstract void apply(String reason, long amount);
                }
            }
            """;
    private static final String DEBIT = "(Ljava/lang/String;JD[I)V";
    private static final String FORMAT = "(JLjava/lang/String;)Ljava/lang/String;";

    @TempDir
    Path dir;

    private byte[] compile(String className, String... options) throws IOException {
        Path source = Files.writeString(dir.resolve("Accounts.java"), SOURCE);
        Path out = Files.createDirectories(dir.resolve("out" + String.join("", options).replace(":", "")));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("-d", out.toString(), source.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        return Files.readAllBytes(out.resolve("sample").resolve(className + ".class"));
    }

    @Test
    void fromTheMethodParametersAttribute() throws IOException {
        byte[] accounts = compile("Accounts", "-parameters", "-g:none");

        assertEquals(List.of("account", "cents", "rate", "flags"), ParameterNames.read(accounts, "debit", DEBIT));
        assertEquals(List.of("cents", "currency"), ParameterNames.read(accounts, "format", FORMAT));
        assertEquals(List.of("reason", "amount"), ParameterNames.read(compile("Accounts$Base", "-parameters"),
                "apply", "(Ljava/lang/String;J)V"), "abstract methods have no local variables, but this attribute");
    }

    @Test
    void fromTheLocalVariableTableMindingThisAndWideSlots() throws IOException {
        byte[] accounts = compile("Accounts", "-g");

        assertEquals(List.of("account", "cents", "rate", "flags"), ParameterNames.read(accounts, "debit", DEBIT));
        assertEquals(List.of("cents", "currency"), ParameterNames.read(accounts, "format", FORMAT));
    }

    @Test
    void nullWhenTheClassFileHasNoNames() throws IOException {
        byte[] accounts = compile("Accounts", "-g:none");

        assertNull(ParameterNames.read(accounts, "debit", DEBIT));
        assertNull(ParameterNames.read(compile("Accounts$Base", "-g"), "apply", "(Ljava/lang/String;J)V"));
    }

    @Test
    void nullForAMethodThatIsNotThere() throws IOException {
        byte[] accounts = compile("Accounts", "-g");

        assertNull(ParameterNames.read(accounts, "credit", DEBIT));
        assertNull(ParameterNames.read(accounts, "debit", "(Ljava/lang/String;)V"));
    }
}
