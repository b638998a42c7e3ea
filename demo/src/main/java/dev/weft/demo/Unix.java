package dev.weft.demo;

import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code kill -<signal> <pid>}, as an operator types it: KILL (kill -9), STOP (freeze) and CONT (go on). */
final class Unix {
    private Unix() {
    }

    static void kill(String signal, long... pids) {
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
