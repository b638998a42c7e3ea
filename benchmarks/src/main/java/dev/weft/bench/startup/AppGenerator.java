package dev.weft.bench.startup;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes and compiles the start-up rows' application: {@code gen.Main}, which loads and runs every generated class
 * ({@code gen.p<k>.C<i>}, a hundred per package) and then prints {@code hello} and its own peak RSS. With no
 * generated class it is a hello world. Generated at run time, so the repository holds no 5,000 files.
 */
public final class AppGenerator {
    public static final String MAIN = "gen.Main";
    /** The method Weft's rule names: woven at start-up, never called, so no lock or Redis call is timed. */
    public static final String LOCKED_METHOD = "gen.Main#reserve(String)";
    /** The line the application ends with; the rest of it is VmHWM in KiB, or -1 where /proc is missing. */
    public static final String PEAK_RSS = "PEAK_RSS_KIB ";
    private static final int PER_PACKAGE = 100;

    private AppGenerator() {
    }

    /** @return the class directory of an application with {@code classes} generated classes besides Main */
    public static Path generate(Path dir, int classes) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path output = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        int packages = (classes + PER_PACKAGE - 1) / PER_PACKAGE;
        StringBuilder calls = new StringBuilder();
        for (int p = 0; p < packages; p++) {
            StringBuilder touches = new StringBuilder();
            for (int i = p * PER_PACKAGE; i < Math.min(classes, (p + 1) * PER_PACKAGE); i++) {
                files.add(write(sources, "gen.p" + p + ".C" + i, generatedClass(p, i)));
                touches.append("        seed = C").append(i).append(".touch(seed);\n");
            }
            files.add(write(sources, "gen.p" + p + ".Index", index(p, touches)));
            calls.append("        seed = gen.p").append(p).append(".Index.touchAll(seed);\n");
        }
        files.add(write(sources, MAIN, main(calls)));
        compile(files, output);
        return output;
    }

    private static String generatedClass(int p, int i) {
        return """
                package gen.p%1$d;

                public final class C%2$d {
                    private final int value;

                    public C%2$d(int value) {
                        this.value = value;
                    }

                    public int value() {
                        return value;
                    }

                    public static int touch(int seed) {
                        return new C%2$d(seed + %2$d).value() %% 1_000_003;
                    }
                }
                """.formatted(p, i);
    }

    private static String index(int p, CharSequence touches) {
        return """
                package gen.p%d;

                public final class Index {
                    public static int touchAll(int seed) {
                %s        return seed;
                    }
                }
                """.formatted(p, touches);
    }

    private static String main(CharSequence calls) {
        return """
                package gen;

                import java.nio.file.Files;
                import java.nio.file.Path;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        int seed = 0;
                %s        System.out.println("hello " + seed);
                        System.out.println("%s" + peakRssKib());
                    }

                    static void reserve(String sku) {
                    }

                    private static long peakRssKib() throws Exception {
                        Path status = Path.of("/proc/self/status");
                        if (!Files.isReadable(status)) {
                            return -1;
                        }
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:")) {
                                return Long.parseLong(line.replaceAll("[^0-9]", ""));
                            }
                        }
                        return -1;
                    }
                }
                """.formatted(calls, PEAK_RSS);
    }

    private static Path write(Path sources, String className, String source) throws IOException {
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    private static void compile(List<Path> files, Path output) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the start-up rows compile their application: run them on a JDK, not a JRE");
        }
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(errors, fileManager, null,
                    List.of("-d", output.toString(), "--release", "17", "-proc:none", "-nowarn"), null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("generated application did not compile:\n" + errors);
            }
        }
    }
}
