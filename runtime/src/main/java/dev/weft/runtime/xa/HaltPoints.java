package dev.weft.runtime.xa;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash points for the recovery tests, chosen with the system property {@code weft.xa.haltAt}: {@code firstPrepare}
 * (after the first branch prepared), {@code allPrepared} (after the second), {@code decision} (before the first
 * commit: Narayana has logged the decision), {@code firstCommit} (after it). Reaching the point prints
 * {@code WEFT-XA-HALT <point>} to standard error and blocks the thread forever, so the test kills the JVM with
 * SIGKILL exactly there. Unset (always, outside those tests) each point is one field read.
 */
final class HaltPoints {
    private final String point;
    private final AtomicInteger prepares = new AtomicInteger();

    HaltPoints(String point) {
        this.point = point == null ? "" : point;
    }

    static HaltPoints fromSystemProperty() {
        return new HaltPoints(System.getProperty("weft.xa.haltAt"));
    }

    void prepared() {
        if (!point.isEmpty()) {
            int prepared = prepares.incrementAndGet();
            haltIf("firstPrepare", prepared == 1);
            haltIf("allPrepared", prepared == 2);
        }
    }

    void committing() {
        haltIf("decision", true);
    }

    void committed() {
        haltIf("firstCommit", true);
    }

    private void haltIf(String name, boolean reached) {
        if (reached && point.equals(name)) {
            System.err.println("WEFT-XA-HALT " + name);
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
