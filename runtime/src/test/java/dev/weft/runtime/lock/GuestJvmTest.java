package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Weft as a guest in an application's JVM: silent, only daemon threads, gone on close, loud about lost locks. */
class GuestJvmTest {
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void locksPrintNothingAndTheJvmExitsWhenMainReturnsWithoutClose() throws Exception {
        Run run = run("quiet-no-close");

        assertEquals("", run.stdout);
        assertEquals("", run.stderr);
        List<String> weftThreads = run.threads.stream().filter(t -> t.startsWith("weft-")).toList();
        assertTrue(weftThreads.stream().anyMatch(t -> t.startsWith("weft-redis-nioEventLoop")), run.threads.toString());
        assertTrue(weftThreads.stream().anyMatch(t -> t.startsWith("weft-lock-renewal")), run.threads.toString());
        assertTrue(weftThreads.stream().allMatch(t -> t.endsWith("daemon=true")), weftThreads.toString());
        assertTrue(run.threads.stream().noneMatch(t -> t.startsWith("lettuce-") || t.startsWith("nioEventLoop")),
                run.threads.toString());
    }

    @Test
    void closeEndsEveryWeftThread() throws Exception {
        Run run = run("close");

        assertEquals("", run.stdout + run.stderr);
        assertEquals(List.of(), run.threads.stream().filter(t -> t.startsWith("weft-")).toList());
    }

    @Test
    void aLostLockIsLoggedOnceAtError() throws Exception {
        Run run = run("lost");

        assertEquals("", run.stdout);
        List<String> lines = run.stderr.lines().toList();
        assertEquals(1, lines.size(), run.stderr);
        assertTrue(lines.get(0).startsWith("[weft] error: lock \"lost\" was lost while held by thread main: "), run.stderr);
        assertTrue(lines.get(0).contains("is stale"), run.stderr);
    }

    private record Run(String stdout, String stderr, List<String> threads) {
    }

    private Run run(String scenario) throws IOException, InterruptedException {
        Path report = dir.resolve(scenario + ".threads");
        Path stdout = dir.resolve(scenario + ".out");
        Path stderr = dir.resolve(scenario + ".err");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, GuestJvm.class.getName(), scenario, REDIS.uri(), report.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the JVM did not exit after main returned; threads left running (stderr: "
                    + Files.readString(stderr) + ")");
        }
        assertEquals(0, process.exitValue(), Files.readString(stderr));
        return new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8),
                Files.readAllLines(report));
    }
}
