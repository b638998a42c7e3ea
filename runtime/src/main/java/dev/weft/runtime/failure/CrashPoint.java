package dev.weft.runtime.failure;

import java.util.concurrent.CountDownLatch;

/**
 * Where the crash tests stop a JVM to kill it with SIGKILL at exactly that step: the system property named at
 * creation chooses one point by name. Reaching the chosen point prints {@code WEFT-HALT <name>} to standard error and
 * blocks the thread until the kill. Unset (always, outside those tests) reaching a point is one string comparison.
 */
public final class CrashPoint {
    private final String chosen;

    private CrashPoint(String chosen) {
        this.chosen = chosen == null ? "" : chosen;
    }

    public static CrashPoint chosenBy(String systemProperty) {
        return new CrashPoint(System.getProperty(systemProperty));
    }

    public boolean anyChosen() {
        return !chosen.isEmpty();
    }

    public void reached(String name) {
        if (chosen.equals(name)) {
            System.err.println("WEFT-HALT " + name);
            System.err.flush();
            try {
                new CountDownLatch(1).await(); // until SIGKILL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(99);
        }
    }
}
