package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.support.Handshake;
import dev.weft.testkit.JavaProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher every other test relies on: handshakes, full pipes, and children that misbehave. */
class JavaProcessTest {
    private static final int LINES = 50_000;

    /** {@code chatty <exit status>}: READY, GO, then floods both pipes. {@code hang}: never ends. Else: exits at once. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            switch (args[0]) {
                case "chatty" -> {
                    Handshake.readyThenAwaitGo();
                    for (int i = 0; i < LINES; i++) {
                        System.out.println("out " + i);
                        System.err.println("err " + i);
                    }
                    System.exit(Integer.parseInt(args[1]));
                }
                case "hang" -> {
                    Handshake.tell("HANGING");
                    Thread.sleep(Long.MAX_VALUE);
                }
                default -> Handshake.tell("BYE");
            }
        }
    }

    @Test
    void aChildThatFillsBothPipesDoesNotBlockAndEverythingItPrintedIsKept() {
        try (JavaProcess child = JavaProcess.mainClass(Child.class.getName()).args("chatty", "3").start()) {
            Jvm.startTogether(List.of(child));
            assertEquals(3, child.awaitExit(Jvm.TIMEOUT), child::report);
            assertEquals(LINES + 1, child.stdoutLines().size());
            assertEquals("out " + (LINES - 1), child.stdoutLines().get(LINES));
            assertEquals(LINES, child.stderrLines().size());
        }
    }

    @Test
    void aChildStillRunningAtTheTimeoutIsKilledAndTheFailureSaysSo() {
        try (JavaProcess child = JavaProcess.mainClass(Child.class.getName()).args("hang").start()) {
            child.awaitLine("HANGING", Jvm.TIMEOUT);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> child.awaitExit(Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("did not exit within") && e.getMessage().contains("HANGING"), e.getMessage());
            assertFalse(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false), "still alive");
        }
    }

    @Test
    void waitingForALineTheChildNeverPrintsFailsOnceItExits() {
        try (JavaProcess child = JavaProcess.mainClass(Child.class.getName()).args("quiet").start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> child.awaitLine("READY", Jvm.TIMEOUT));
            assertTrue(e.getMessage().contains("exited with status 0 instead of printing \"READY\"") && e.getMessage().contains("BYE"), e.getMessage());
        }
    }
}
