package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code com.acme.bank.Bank} on the books in one directory, with or without the agent. System properties of the
 * bank (crash points, failure rate) travel in {@code JAVA_TOOL_OPTIONS}, which every JVM reads at start.
 */
public final class Bank {
    public static final String SETTLED = "TOTAL 5000 FROZEN 0 INCOMING 0";

    final Path dir;
    private final Path config;

    /** The bank's books in {@code root/bank}, its weft.yaml beside them. */
    Bank(Path root) {
        this(createDirectory(root.resolve("bank")), BankYaml.write(root));
    }

    public Bank(Path dir, Path config) {
        this.dir = dir;
        this.config = config;
    }

    public JavaProcess.Builder woven(String systemProperties, String... args) {
        return plain(systemProperties, args).agent(Jvm.agentJar(), "config=" + config);
    }

    JavaProcess.Builder plain(String systemProperties, String... args) {
        return Jvm.plain(com.acme.bank.Bank.class, args)
                .env("BANK_DIR", dir.toString())
                .env("JAVA_TOOL_OPTIONS", systemProperties);
    }

    /** Runs to the end and returns the last line: the books. */
    public static String books(JavaProcess process) {
        Jvm.assertExitsCleanly(process);
        List<String> lines = process.stdoutLines();
        return lines.get(lines.size() - 1);
    }

    /** With the agent, recovery has finished everything an earlier run left, and nothing FAILED. */
    public String recovered() {
        JavaProcess check = woven("", "check").start();
        String books = books(check);
        assertTrue(check.stdoutLines().contains("FAILED 0"), check.report());
        return books;
    }

    /** The books as a crash left them, read by a copy of the bank without the agent (so nothing is recovered). */
    String asLeft() {
        Path copy = dir.resolveSibling(dir.getFileName() + "-as-left");
        copyTree(dir, copy);
        JavaProcess check = new Bank(copy, config).plain("", "check").start();
        String books = books(check);
        assertTrue(check.stdoutLines().contains("NO AGENT"), check.report());
        return books;
    }

    static void assertCrashed(JavaProcess process, String point) {
        assertEquals(com.acme.bank.Crash.EXIT_STATUS, process.awaitExit(Jvm.TIMEOUT), process.report());
        assertTrue(process.stdoutLines().contains("CRASH " + point), process.report());
    }

    static void assertUnsettled(String books) {
        assertNotEquals(SETTLED, books, "the control must see what recovery has to repair");
    }

    Path segment() {
        try (Stream<Path> files = Files.list(dir.resolve("txlog"))) {
            return files.filter(f -> f.getFileName().toString().matches("segment-\\d+\\.log")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("weft.lock")) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
