package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.skip.ReportApp;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4, Locks: with {@code onBusy: skip} a busy method does not run and returns null, 0 or false. */
class OnBusySkipTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void aSecondJvmSkipsTheBodyAndGetsZeroWhileTheFirstHoldsTheLock() throws IOException {
        Path config = WeftYaml.lock(dir, "report:{0}", "0", "skip", "com.acme.skip.ReportApp#generate(String)");
        JavaProcess caller = holdAndCall(jvm -> Jvm.attach(jvm, config, redis.uri()));
        assertEquals(List.of("READY", "RESULT 0"), caller.stdoutLines(), caller.report());
        assertEquals(Set.of("ran-holder"), markers(), "exactly one body ran");
    }

    @Test
    void withoutTheAgentBothBodiesRun() throws IOException {
        JavaProcess caller = holdAndCall(UnaryOperator.identity());
        assertEquals(List.of("READY", "ENTERED", "RESULT 42"), caller.stdoutLines(), caller.report());
        assertEquals(Set.of("ran-holder", "ran-caller"), markers());
    }

    /** The holder enters the method and stays; the caller calls it meanwhile and has exited when this returns. */
    private JavaProcess holdAndCall(UnaryOperator<JavaProcess.Builder> how) {
        try (JavaProcess holder = how.apply(Jvm.plain(ReportApp.class, dir.toString(), "holder").name("holder")).start();
             JavaProcess caller = how.apply(Jvm.plain(ReportApp.class, dir.toString(), "caller").name("caller")).start()) {
            holder.awaitLine("ENTERED", Jvm.TIMEOUT);
            caller.awaitLine("READY", Jvm.TIMEOUT);
            caller.send("GO");
            Jvm.assertExitsCleanly(caller);
            holder.send("FINISH");
            Jvm.assertExitsCleanly(holder);
            assertEquals(List.of("ENTERED", "RESULT 42"), holder.stdoutLines(), holder.report());
            return caller;
        }
    }

    private Set<String> markers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ran-")).collect(Collectors.toSet());
        }
    }
}
