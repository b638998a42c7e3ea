package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;

import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code kill -<signal> <pid>}: a real kill -9 of a service, or freezing one (STOP) and letting it go on (CONT). */
final class Signals {
    private Signals() {
    }

    /** {@code kill -9}, and waits until it is gone (exit status 137: killed by SIGKILL). */
    static void kill9(JavaProcess process) {
        send("KILL", process.pid());
        assertEquals(137, process.awaitExit(Jvm.TIMEOUT), process.report());
    }

    static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
