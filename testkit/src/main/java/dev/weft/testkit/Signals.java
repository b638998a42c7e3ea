package dev.weft.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code kill -<signal> <pid>}, as an operator types it: KILL (a real kill -9), STOP (freeze the process, as a long
 * GC or VM pause would; it keeps its sockets) and CONT (let it go on).
 */
public final class Signals {
    private Signals() {
    }

    /** Sends {@code signal} (a name without the dash: KILL, STOP, CONT, ...) to each process in turn. */
    public static void send(String signal, long... pids) {
        for (long pid : pids) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during kill -" + signal + " " + pid, e);
            }
        }
    }
}
